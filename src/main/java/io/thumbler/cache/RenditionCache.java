package io.thumbler.cache;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.thumbler.http.RequestTimings;

/**
 * Rendered variants by key: from the local tiers or the cluster tier ({@code hit}), rendered once
 * for all concurrent requests of one key ({@code miss} for the request that rendered,
 * {@code coalesced} for those that waited), and recorded in the source index for purges.
 */
@ApplicationScoped
public class RenditionCache {

    @Inject
    OpenCaches caches;

    private final SingleFlight<Rendered> renders = new SingleFlight<>("rendering");

    /**
     * What a render produced and whether it may be cached under the requested key.
     *
     * @param cacheable false when the original turned out to be another version than the key says:
     *                  the bytes are right for this request, but not for the key
     */
    public record Rendered(CachedRendition rendition, boolean cacheable) {
    }

    /**
     * @param key      {@link CacheKeys#rendition}
     * @param sourceId {@link CacheKeys#purgeId}, to index the key
     * @param render   fetches and renders on a miss
     * @return the rendition, and whether it is the one kept under {@code key} (false when caching is
     *         off, or when the render found another version of the original than the key names)
     */
    public Rendered rendition(String key, String sourceId, Supplier<Rendered> render, RequestTimings timings) {
        Optional<CacheStores> stores = caches.stores();
        if (stores.isEmpty()) {
            timings.cacheStatus("miss");
            return new Rendered(render.get().rendition(), false);
        }
        // A copy from the cluster tier is indexed here too: a purge announced by another node finds it
        // through this node's index.
        CachedRendition cached = timings.time("lookup",
                () -> stores.get().renditions().get(key, () -> stores.get().index().addRendition(sourceId, key)));
        if (cached != null) {
            timings.cacheStatus("hit");
            return new Rendered(cached, true);
        }
        SingleFlight.Outcome<Rendered> outcome = renders.load(key, caches.settings().coalesceWait(), () -> {
            CachedRendition stored = stores.get().renditions().get(key);
            return stored == null ? null : new Rendered(stored, true);
        }, () -> {
            Rendered r = render.get();
            if (r.cacheable()) {
                stores.get().renditions().put(key, r.rendition());
                stores.get().index().addRendition(sourceId, key);
            }
            return r;
        });
        timings.cacheStatus(switch (outcome.source()) {
            case LOADED -> "miss";
            case COALESCED -> "coalesced";
            case CACHED -> "hit";
        });
        return outcome.value();
    }

    /** The rendition kept under {@code key}, or {@code null}: a lookup that never renders. */
    public CachedRendition cached(String key) {
        return caches.stores().map(s -> s.renditions().get(key)).orElse(null);
    }

    public SingleFlight<Rendered> renders() {
        return renders;
    }
}
