package io.thumbler.cache;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.thumbler.source.Original;
import io.thumbler.source.SourceUri;

/**
 * One version of an original, from the original cache or fetched once however many renders of it
 * start at the same time (an upload followed by a burst of sizes fetches it once). Local files are
 * not kept: they are read from their own disk each time. A fetched original gives its share of the
 * in-flight budget back once it is stored: from then on the render slot its caller holds is what
 * bounds it.
 */
@ApplicationScoped
public class OriginalCache {

    @Inject
    OpenCaches caches;

    private final SingleFlight<Original> fetches = new SingleFlight<>("fetching");

    /**
     * @param version the version the caller's rendition key was computed with; when the fetched
     *                original turns out to be another version, the source's facts are updated so
     *                that the next request computes the new key
     * @param fetch   reads the original from its origin
     */
    public Original original(SourceUri source, String version, Supplier<Original> fetch) {
        Optional<CacheStores> stores = caches.stores();
        if (stores.isEmpty() || !kept(source)) {
            try (Original o = fetch.get()) {
                stores.ifPresent(s -> SourceFactsCache.remember(s, source, o, caches.settings()));
                return o;
            }
        }
        String sourceId = CacheKeys.sourceId(source);
        String key = CacheKeys.original(sourceId, version);
        Original cached = stores.get().originals().get(key);
        if (cached != null) {
            return cached;
        }
        return fetches.load(key, caches.settings().coalesceWait(), () -> stores.get().originals().get(key), () -> {
            try (Original o = fetch.get()) {
                SourceFactsCache.remember(stores.get(), source, o, caches.settings());
                return o;
            }
        }).value();
    }

    /** Whether originals of this source are kept here: local files are read from their disk instead. */
    static boolean kept(SourceUri source) {
        return source.scheme() != SourceUri.Scheme.LOCAL;
    }

    public SingleFlight<Original> fetches() {
        return fetches;
    }
}
