package io.thumbler.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.thumbler.render.ImageMagickSetup;

/** Ready only once ImageMagick rendered the canary under Thumbler's policy; DOWN says why not. */
@Readiness
@ApplicationScoped
public class ImageMagickReadiness implements HealthCheck {

    @Inject
    ImageMagickSetup imageMagick;

    @Override
    public HealthCheckResponse call() {
        String reason;
        try {
            reason = imageMagick.notReadyReason();
        } catch (RuntimeException e) {
            // A health probe can arrive while the startup beans are still being created.
            return HealthCheckResponse.named("imagemagick").down().withData("reason", "starting").build();
        }
        return HealthCheckResponse.named("imagemagick")
                .status(reason == null)
                .withData("reason", reason == null ? "canary rendered" : reason)
                .withData("policy", String.valueOf(imageMagick.policyDir()))
                .build();
    }
}
