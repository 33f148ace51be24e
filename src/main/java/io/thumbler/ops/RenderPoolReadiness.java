package io.thumbler.ops;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.thumbler.render.RenderSlots;

/**
 * DOWN from the moment SIGTERM arrives and while the render slots drain, so a load balancer stops
 * sending work during Payara's shutdown grace period ({@link ShutdownSignal}). A busy
 * pool stays UP on purpose: it sheds load with 503s itself, and taking a whole fleet out of
 * rotation at peak would turn a slowdown into an outage. The numbers are there for a person.
 */
@Readiness
@ApplicationScoped
public class RenderPoolReadiness implements HealthCheck {

    @Inject
    RenderSlots renderSlots;

    @Inject
    ShutdownSignal shutdown;

    @Override
    public HealthCheckResponse call() {
        try {
            String reason = renderSlots.draining() ? "draining for shutdown"
                    : shutdown.received() ? "shutting down: finishing the requests in flight" : null;
            return HealthCheckResponse.named("render-pool")
                    .status(reason == null)
                    .withData("reason", reason == null ? "accepting renders" : reason)
                    .withData("active", renderSlots.active())
                    .withData("queued", renderSlots.queued())
                    .withData("concurrency", renderSlots.concurrency())
                    .build();
        } catch (EJBException e) {
            return HealthCheckResponse.named("render-pool").down().withData("reason", "starting").build();
        }
    }
}
