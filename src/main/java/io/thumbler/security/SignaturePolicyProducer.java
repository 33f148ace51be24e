package io.thumbler.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.thumbler.config.ConfigReader;

/** Produces the one {@link SignaturePolicy} of this deployment from its configuration. */
@ApplicationScoped
public class SignaturePolicyProducer {

    @Produces
    @Singleton
    SignaturePolicy signaturePolicy(ConfigReader config) {
        return SigningSettings.read(config);
    }
}
