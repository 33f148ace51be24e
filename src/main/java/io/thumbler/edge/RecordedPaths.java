package io.thumbler.edge;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.thumbler.cache.CacheKeys;
import io.thumbler.cache.OpenCaches;
import io.thumbler.source.SourceUri;

/**
 * Records, per source, the request paths this node answered, so that a purge can invalidate them at
 * CloudFront. Only when CloudFront invalidation is on: otherwise a request records nothing and costs
 * nothing. The paths live in the source index (bounded per source, kept across restarts with the
 * variants they name).
 */
@ApplicationScoped
public class RecordedPaths {

    @Inject
    OpenCaches caches;

    @Inject
    CloudFrontSettings settings;

    private boolean recording;

    @PostConstruct
    void read() {
        recording = settings.enabled() && caches.stores().isPresent();
    }

    /**
     * @param source   the request's source (recorded under its {@link CacheKeys#purgeId}, only when recording)
     * @param rawPath  the request URI exactly as received, which is the path CloudFront caches under
     */
    public void record(SourceUri source, String rawPath) {
        if (recording) {
            caches.stores().ifPresent(s -> s.index().addPath(CacheKeys.purgeId(source), rawPath));
        }
    }
}
