package io.thumbler.ops;

import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.thumbler.cache.CacheLifecycle;
import io.thumbler.render.ImageMagickSetup;
import io.thumbler.render.RenderSlots;
import io.thumbler.render.TempDirSweepSchedule;

/**
 * Starts the application in one written-down order when it is deployed: validate every setting
 * (a bad one stops here, naming the key), prepare ImageMagick (policy, self-test, canary), open the
 * caches (the renderer's version is part of their keys), start the render slots and the temp-dir
 * sweeper, then publish the operations views and, for the quick start, print example URLs.
 *
 * <p>The beans are plain CDI beans created on first use; this observer is what makes "first use"
 * happen at deployment and in this order, instead of a chain of EJB {@code @Startup @DependsOn}
 * singletons. The render slots stay an EJB (a container-managed executor of renders).
 */
@ApplicationScoped
public class ApplicationStartup {

    private static final Logger LOG = Logger.getLogger(ApplicationStartup.class.getName());

    @Inject
    StartupCheck settings;

    @Inject
    ImageMagickSetup imageMagick;

    @Inject
    CacheLifecycle caches;

    @Inject
    RenderSlots renderSlots;

    @Inject
    TempDirSweepSchedule sweepSchedule;

    @Inject
    OperationsStartup operations;

    @Inject
    ExampleUrls exampleUrls;

    /**
     * Runs before every other observer of the application's start ({@code PLATFORM_BEFORE}, the
     * lowest priority value): those create beans that are given settings records when they are
     * created, and a bad setting must be met here first, inside {@link StartupCheck}, which names
     * the key and exits.
     */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object application) {
        long t0 = System.nanoTime();
        settings.validate();
        boolean ready = imageMagick.ready();
        String cacheState = caches.state();
        int slots = renderSlots.concurrency();
        sweepSchedule.start();
        operations.publish();
        exampleUrls.print();
        LOG.info(() -> "started in " + (System.nanoTime() - t0) / 1_000_000 + " ms: ImageMagick "
                + (ready ? "ready" : "NOT ready (" + imageMagick.notReadyReason() + ")") + ", caches " + cacheState
                + ", " + slots + " render slot(s)");
    }
}
