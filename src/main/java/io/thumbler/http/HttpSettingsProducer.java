package io.thumbler.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.thumbler.config.ConfigReader;

/** Reads the settings of the request filters once per deployment: access log format and target, origin secrets. */
@ApplicationScoped
public class HttpSettingsProducer {

    @Produces
    @Singleton
    AccessLogFormat accessLogFormat(ConfigReader config) {
        return AccessLogFormat.read(config);
    }

    @Produces
    @Singleton
    AccessLogTarget accessLogTarget(ConfigReader config) {
        return AccessLogTarget.read(config);
    }

    @Produces
    @Singleton
    OriginSecrets originSecrets(ConfigReader config) {
        return OriginSecrets.read(config);
    }
}
