package io.thumbler.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The caches' state in the readiness answer. Always UP: a node whose caches could not open still
 * answers every request correctly (it renders each one), and taking it out of the load balancer
 * would only move its load onto the others; but an operator reading {@code /health/ready} sees
 * {@code failed: <reason>} at once instead of a silent loss of the cache.
 */
@Readiness
@ApplicationScoped
public class CachesReadiness implements HealthCheck {

    @Inject
    CacheLifecycle caches;

    @Override
    public HealthCheckResponse call() {
        String state;
        try {
            state = caches.state();
        } catch (RuntimeException e) {
            state = "starting";
        }
        return HealthCheckResponse.named("caches").up().withData("state", state).build();
    }
}
