package io.thumbler.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.thumbler.config.ConfigReader;

/** Reads the CloudFront settings once per deployment, for path recording and invalidation alike. */
@ApplicationScoped
public class CloudFrontSettingsProducer {

    @Produces
    @Singleton
    CloudFrontSettings cloudFrontSettings(ConfigReader config) {
        return CloudFrontSettings.read(config);
    }
}
