package io.thumbler.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

/** Makes the MicroProfile configuration available as a {@link ConfigReader} to every feature's settings. */
@ApplicationScoped
public class ConfigReaderProducer {

    @Produces
    @Singleton
    ConfigReader configReader() {
        return new ConfigReader(ConfigProvider.getConfig(ConfigReaderProducer.class.getClassLoader()));
    }
}
