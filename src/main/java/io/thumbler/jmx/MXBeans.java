package io.thumbler.jmx;

import java.lang.management.ManagementFactory;
import java.util.logging.Logger;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Registers and withdraws Thumbler's MXBeans in the platform MBean server. */
public final class MXBeans {

    /** The JMX domain of every Thumbler MXBean: {@code io.thumbler:type=…}. */
    public static final String DOMAIN = "io.thumbler";

    private static final Logger LOG = Logger.getLogger(MXBeans.class.getName());

    private MXBeans() {
    }

    /**
     * Registers {@code bean} as {@code io.thumbler:type=<type>} under its MXBean interface
     * {@code view}, replacing one a previous deployment left behind (the new one's numbers win).
     * JMX is for watching: a failure is logged and never stops Thumbler serving.
     *
     * @return the name it was registered under, or {@code null} when it could not be
     */
    public static <T> ObjectName register(String type, T bean, Class<T> view) {
        return register(ManagementFactory.getPlatformMBeanServer(), type, bean, view);
    }

    /** As {@link #register(String, Object, Class)}, in another MBean server (tests read the metadata from their own). */
    public static <T> ObjectName register(MBeanServer server, String type, T bean, Class<T> view) {
        try {
            ObjectName name = new ObjectName(DOMAIN, "type", type);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new DescribedMXBean<>(bean, view), name);
            return name;
        } catch (JMException e) {
            LOG.warning(() -> "could not register " + DOMAIN + ":type=" + type + ": " + e);
            return null;
        }
    }

    /** Withdraws what {@link #register} registered; nothing to do when it is gone already. */
    public static void unregister(ObjectName name) {
        if (name == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException e) {
            LOG.fine(() -> "already gone: " + name);
        }
    }
}
