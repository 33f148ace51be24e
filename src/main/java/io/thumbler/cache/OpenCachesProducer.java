package io.thumbler.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** Hands out {@link OpenCaches}: one call per injection point, none per request. */
@ApplicationScoped
public class OpenCachesProducer {

    @Inject
    CacheLifecycle caches;

    @Produces
    @Dependent
    OpenCaches openCaches() {
        return new OpenCaches(caches.stores(), caches.settings(), caches.rendererVersion());
    }
}
