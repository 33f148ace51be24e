package io.thumbler.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.thumbler.config.ConfigReader;

/** Reads the cache settings once per deployment; the startup check creates them first, so a bad one stops the deployment. */
@ApplicationScoped
public class CacheSettingsProducer {

    @Produces
    @Singleton
    CacheSettings cacheSettings(ConfigReader config) {
        return CacheSettings.read(config);
    }
}
