package io.thumbler.cache;

import java.util.Set;

/**
 * Fired, synchronously, after this node removed a source's entries, whether the purge was asked of
 * this node or announced by another one: what keeps copies outside Thumbler (CloudFront) reacts to
 * it. Observers must not block: the purge answer waits for them.
 *
 * @param purgeId {@link CacheKeys#purgeId} of the source
 * @param paths   the request paths this node recorded for the source (empty unless recording is on)
 */
public record SourcePurged(String purgeId, Set<String> paths) {
}
