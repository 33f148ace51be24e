package io.thumbler.ops;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/**
 * Publishes the operations views when the application starts and withdraws them on undeploy:
 * the MXBeans {@code io.thumbler:type=RenderPool}, {@code type=Sources} and {@code type=Requests}
 * in the platform MBean server (what remote JMX, JConsole and VisualVM see), and the application
 * metrics; listens for SIGTERM ({@link ShutdownSignal}). Other features add their own MXBeans (the cache's {@code type=Caches}) the same way.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
@Startup
@DependsOn("RenderPool")
public class OperationsStartup {

    private static final Logger LOG = Logger.getLogger(OperationsStartup.class.getName());
    public static final String DOMAIN = "io.thumbler";

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

    @PostConstruct
    void publish() {
        register("RenderPool", renderPool, RenderPoolMXBean.class);
        register("Sources", sources, SourcesMXBean.class);
        register("Requests", requests, RequestsMXBean.class);
        metrics.register();
        shutdown.arm();
    }

    private <T> void register(String type, T bean, Class<T> view) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = new ObjectName(DOMAIN, "type", type);
            if (server.isRegistered(name)) {
                // Left by a deployment that did not undeploy cleanly; the new one's numbers win.
                server.unregisterMBean(name);
            }
            // An explicit MXBean view: the CDI proxy's own class would otherwise be introspected.
            server.registerMBean(new StandardMBean(bean, view, true), name);
            registered.add(name);
        } catch (JMException e) {
            // JMX is for watching; a failure to publish must not stop Thumbler serving.
            LOG.warning(() -> "could not register " + DOMAIN + ":type=" + type + ": " + e);
        }
    }

    @PreDestroy
    void withdraw() {
        shutdown.disarm();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                LOG.fine(() -> "already gone: " + name);
            }
        }
        registered.clear();
    }
}
