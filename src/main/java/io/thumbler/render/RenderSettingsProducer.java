package io.thumbler.render;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.thumbler.config.ConfigReader;

/** Reads the render settings once per deployment; the startup check creates them first, so a bad one stops the deployment. */
@ApplicationScoped
public class RenderSettingsProducer {

    @Produces
    @Singleton
    RenderSettings renderSettings(ConfigReader config) {
        return RenderSettings.read(config);
    }
}
