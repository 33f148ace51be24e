package io.thumbler.cache;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.thumbler.error.ThumblerException;
import io.thumbler.image.HeaderSniffer;
import io.thumbler.image.ImageHeader;
import io.thumbler.source.Original;
import io.thumbler.source.SourceUri;

/**
 * Learns a source's version (and format and modification time) without fetching it on every
 * request: remembered for {@code THUMBLER_CACHE_SOURCE_TTL}, then learned again by one fetch that
 * concurrent requests share. The fetched original goes into the original cache, where the render
 * that usually follows finds it, and its bytes are let go here (with their share of the in-flight
 * budget). The package documentation explains the trade-off.
 */
@ApplicationScoped
public class SourceFactsCache {

    @Inject
    OpenCaches caches;

    private final SingleFlight<KnownSource> fetches = new SingleFlight<>("fetching");

    /**
     * @param fetch reads the original from its origin
     */
    public KnownSource learn(SourceUri source, Supplier<Original> fetch) {
        Optional<CacheStores> stores = caches.stores();
        if (stores.isEmpty()) {
            try (Original original = fetch.get()) {
                return new KnownSource(factsOf(original), false);
            }
        }
        String sourceId = CacheKeys.sourceId(source);
        CacheSettings settings = caches.settings();
        SourceFacts remembered = stores.get().facts().get(sourceId);
        if (remembered != null && fresh(remembered, settings)) {
            return new KnownSource(remembered, true);
        }
        try {
            return fetches.load(sourceId, settings.coalesceWait(), () -> {
                SourceFacts learnedMeanwhile = stores.get().facts().get(sourceId);
                return learnedMeanwhile == null || !fresh(learnedMeanwhile, settings) ? null : new KnownSource(learnedMeanwhile, true);
            }, () -> {
                try (Original o = fetch.get()) {
                    return new KnownSource(remember(stores.get(), source, o, settings), false);
                }
            }).value();
        } catch (ThumblerException e) {
            if (e.kind().transientFailure() && remembered != null && withinGrace(remembered, settings)) {
                // The origin (or this server) failed to answer: serve what was known, as CDNs do with
                // stale-if-error, rather than fail variants that are cached.
                return new KnownSource(remembered, true, true);
            }
            throw e;
        }
    }

    /** The source's facts if they are remembered and within the source TTL; never fetches. */
    public Optional<SourceFacts> fresh(SourceUri source) {
        return caches.stores()
                .map(s -> s.facts().get(CacheKeys.sourceId(source)))
                .filter(f -> fresh(f, caches.settings()));
    }

    private static boolean fresh(SourceFacts facts, CacheSettings settings) {
        return Instant.now().isBefore(facts.trustedUntil(settings.sourceTtl()));
    }

    private static boolean withinGrace(SourceFacts facts, CacheSettings settings) {
        return Instant.now().isBefore(facts.trustedUntil(settings.sourceTtl()).plus(settings.staleIfError()));
    }

    /**
     * Stores what a fetch taught: the facts (unless the TTL is 0) and the original itself, unless it
     * is a local file or larger than {@code THUMBLER_CACHE_ORIGINALS_MAX_ENTRY_MB}. A local file is
     * already on a local disk (and in the page cache): a copy in the disk tier would only cost a
     * write, a checksum and two copies in heap. Storing an original and reading it back through
     * Ehcache's tiers takes about four copies of it in heap at once (the encoded entry, the disk
     * tier's write buffer, the read buffer, the decoded bytes); for the few very large originals a
     * second fetch costs less than that.
     */
    static SourceFacts remember(CacheStores stores, SourceUri source, Original original, CacheSettings settings) {
        String sourceId = CacheKeys.sourceId(source);
        SourceFacts facts = factsOf(original);
        if (!settings.sourceTtl().isZero()) {
            stores.facts().put(sourceId, facts);
        }
        if (OriginalCache.kept(source) && original.bytes().length <= settings.originalsMaxEntryBytes()) {
            String key = CacheKeys.original(sourceId, original.version());
            stores.originals().put(key, original);
            stores.index().addOriginal(CacheKeys.purgeId(source), key);
        }
        return facts;
    }

    /** The only place an arriving original's header is read: the render of this version takes it from the facts. */
    static SourceFacts factsOf(Original original) {
        ImageHeader header = HeaderSniffer.sniff(original.bytes());
        return new SourceFacts(original.version(), header, original.lastModified(), Instant.now());
    }

    /** The fetches that learning started, and the requests that shared one. */
    public SingleFlight<KnownSource> fetches() {
        return fetches;
    }
}
