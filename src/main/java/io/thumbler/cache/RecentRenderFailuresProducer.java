package io.thumbler.cache;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.thumbler.config.ConfigReader;

/** Produces the deployment's {@link RecentRenderFailures}; {@code THUMBLER_FAILURE_TTL} seconds, 0 turns it off. */
@ApplicationScoped
public class RecentRenderFailuresProducer {

    static final String TTL = "thumbler.failure-ttl";

    @Produces
    @Singleton
    RecentRenderFailures recentRenderFailures(ConfigReader config) {
        return new RecentRenderFailures(Duration.ofSeconds(config.integer(TTL, 30, 0, 3600)), Clock.systemUTC());
    }
}
