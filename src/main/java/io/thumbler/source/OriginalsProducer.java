package io.thumbler.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.thumbler.config.ConfigReader;

/** Produces the deployment's {@link Originals} from its configuration. */
@ApplicationScoped
public class OriginalsProducer {

    @Produces
    @Singleton
    Originals originals(ConfigReader config) {
        return SourceSettings.read(config);
    }

    void close(@Disposes Originals originals) {
        originals.close();
    }
}
