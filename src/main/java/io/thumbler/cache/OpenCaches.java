package io.thumbler.cache;

import java.util.Optional;

/**
 * The deployment's caches as the request path sees them: fixed once the {@link CacheLifecycle} startup bean
 * has opened them, so the beans of the request path take this value once, when they are created,
 * instead of calling into the EJB container on every request (such calls were a large share of a
 * cache hit's CPU). Produced by {@link OpenCachesProducer}.
 *
 * @param stores          the open caches, or empty when caching is off or could not start
 * @param settings        the validated cache configuration
 * @param rendererVersion {@link RendererVersion} of this process
 */
public record OpenCaches(Optional<CacheStores> stores, CacheSettings settings, String rendererVersion) {
}
