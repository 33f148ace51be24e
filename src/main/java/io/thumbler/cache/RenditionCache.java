package io.thumbler.cache;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    /** How a request's rendition was found. */
    public enum Outcome {
        /** In a tier (or rendered meanwhile by a request this one did not wait for). */
        HIT,
        /** Rendered for this request (always, when caching is off). */
        MISS,
        /** Rendered for another request of the same key, which this one waited for. */
        COALESCED;

        /** {@code hit}, {@code miss} or {@code coalesced}: the word in headers, logs and metrics. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param rendered    the rendition and whether it is the one kept under the key
     * @param outcome     how it was found
     * @param lookupNanos how long the first lookup in the tiers took; 0 when caching is off
     */
    public record Answer(Rendered rendered, Outcome outcome, long lookupNanos) {
    }

    /**
     * @param key      {@link CacheKeys#rendition}
     * @param sourceId {@link CacheKeys#purgeId}, to index the key
     * @param render   fetches and renders on a miss
     * @return the rendition, whether it is the one kept under {@code key} (false when caching is
     *         off, or when the render found another version of the original than the key names), and
     *         how it was found, for the caller to report
     */
    public Answer rendition(String key, String sourceId, Supplier<Rendered> render) {
        Optional<CacheStores> stores = caches.stores();
        if (stores.isEmpty()) {
            return new Answer(new Rendered(render.get().rendition(), false), Outcome.MISS, 0);
        }
        // A copy from the cluster tier is indexed here too: a purge announced by another node finds it
        // through this node's index.
        long lookupStart = System.nanoTime();
        CachedRendition cached = stores.get().renditions().get(key, () -> stores.get().index().addRendition(sourceId, key));
        // At least 1: 0 means "no lookup" (caching off) to the caller, and a coarse clock can read 0.
        long lookupNanos = Math.max(1, System.nanoTime() - lookupStart);
        if (cached != null) {
            return new Answer(new Rendered(cached, true), Outcome.HIT, lookupNanos);
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
        return new Answer(outcome.value(), switch (outcome.source()) {
            case LOADED -> Outcome.MISS;
            case COALESCED -> Outcome.COALESCED;
            case CACHED -> Outcome.HIT;
        }, lookupNanos);
    }

    /** The rendition kept under {@code key}, or {@code null}: a lookup that never renders. */
    public CachedRendition cached(String key) {
        return caches.stores().map(s -> s.renditions().get(key)).orElse(null);
    }

    public SingleFlight<Rendered> renders() {
        return renders;
    }
}
