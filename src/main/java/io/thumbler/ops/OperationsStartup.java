package io.thumbler.ops;

import java.util.ArrayList;
import java.util.List;

import javax.management.ObjectName;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.thumbler.jmx.MXBeans;

/**
 * Publishes the operations views when the application starts and withdraws them on undeploy:
 * the MXBeans {@code io.thumbler:type=RenderPool}, {@code type=Sources} and {@code type=Requests}
 * in the platform MBean server (what remote JMX, JConsole and VisualVM see), and the application
 * metrics; listens for SIGTERM ({@link ShutdownSignal}). Other features add their own MXBeans (the cache's {@code type=Caches}) the same way.
 */
@ApplicationScoped
public class OperationsStartup {

    public static final String DOMAIN = MXBeans.DOMAIN;

    @Inject
    RenderPoolStatistics renderPool;

    @Inject
    SourceStatistics sources;

    @Inject
    RequestStatistics requests;

    @Inject
    ThumblerMetrics metrics;

    @Inject
    ShutdownSignal shutdown;

    private final List<ObjectName> registered = new ArrayList<>();

    /** Called by {@link ApplicationStartup}; undone when the application stops. */
    void publish() {
        register("RenderPool", renderPool, RenderPoolMXBean.class);
        register("Sources", sources, SourcesMXBean.class);
        register("Requests", requests, RequestsMXBean.class);
        metrics.register();
        shutdown.arm();
    }

    private <T> void register(String type, T bean, Class<T> view) {
        ObjectName name = MXBeans.register(type, bean, view);
        if (name != null) {
            registered.add(name);
        }
    }

    @PreDestroy
    void withdraw() {
        shutdown.disarm();
        registered.forEach(MXBeans::unregister);
        registered.clear();
    }
}
