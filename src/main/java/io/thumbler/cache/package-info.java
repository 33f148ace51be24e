/**
 * Thumbler's own cache tier, between CloudFront and the origins: JCache caches backed by Ehcache 3 (heap, off-heap and a
 * persistent disk tier), an optional cluster-shared tier through Payara's Hazelcast JCache, and
 * single-flight so that concurrent misses for one variant cause one fetch and one render.
 *
 * <h2>Keys and the source version</h2>
 * A rendition's key is a SHA-256 over the canonical transform, the output format, the effective
 * quality, the source, the source's version and the renderer version (ImageMagick's version string
 * and the policy file's hash). The signature is not part of it: two signings of one variant share it.
 * The strong {@code ETag} is the key, so a {@code 304} needs no render.
 *
 * <p>The key needs the source version before the rendition can be looked up, and fetching the
 * original on every request would defeat the cache. The version is therefore remembered per source
 * for a short time ({@code THUMBLER_CACHE_SOURCE_TTL}, 60 s by default) in {@link
 * io.thumbler.cache.SourceFactsCache}, together with the original's format (the output format may
 * depend on it) and its modification time. Within that time a request is answered from the caches
 * (or with 304) without touching the origin; after it, the next request fetches the original once
 * (single-flight per source), learns the version again and, when it did not change, still hits the
 * rendition cache. The trade-off: a changed original can be served in its old form for at most that
 * TTL (plus the CDN's own TTL), and a popular source is re-fetched once per TTL. A cheap metadata
 * probe (S3 HEAD, a file stat) would cut the re-fetch; {@code OriginalSource} does not offer one yet,
 * and the re-fetch also fills the original cache that the next miss needs anyway.
 *
 * <h2>Purge</h2>
 * {@link io.thumbler.cache.SourcePurge} removes a source's entries through the source index, which
 * lists every key this node stored or copied from the cluster tier for it. In clustered mode it
 * announces the purge to the other nodes of the Data Grid ({@link io.thumbler.cache.OtherNodes}),
 * which do the same through their own indexes ({@link io.thumbler.cache.PurgesFromOtherNodes}), and
 * every node fires {@link io.thumbler.cache.SourcePurged} for what keeps copies outside Thumbler.
 *
 * <h2>Failures</h2>
 * A tier that fails (disk full, corrupt file, any exception from Ehcache or Hazelcast) is a miss with
 * a log line and a counter ({@link io.thumbler.cache.CacheFailures}); the request still succeeds. A
 * failed load is never cached; the requests that waited for it get the same error.
 */
package io.thumbler.cache;
