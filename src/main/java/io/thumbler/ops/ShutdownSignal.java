package io.thumbler.ops;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Notices SIGTERM the moment it arrives, so readiness can turn DOWN while Payara still serves.
 *
 * <p>A graceful stop is: readiness DOWN, wait until the load balancer noticed, stop accepting,
 * finish the renders in flight. Payara Micro provides the wait: with {@code --shutdowngrace <ms>} it keeps
 * serving that long after SIGTERM before it undeploys (verified on 6.2025.10), and this hook,
 * which runs at the same time as Payara's, turns readiness DOWN at its start. Renders still running
 * when the undeploy begins are the render slots' to end.
 */
@ApplicationScoped
public class ShutdownSignal {

    private volatile boolean received;
    private Thread hook;

    /** Starts listening; called once at startup. */
    synchronized void arm() {
        if (hook == null) {
            hook = new Thread(() -> received = true, "thumbler-shutdown-signal");
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /** Stops listening, on undeploy: a redeployed application registers its own hook. */
    synchronized void disarm() {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the JVM is exiting: nothing left to unregister from
            }
            hook = null;
        }
    }

    /** Whether the JVM is shutting down. */
    public boolean received() {
        return received;
    }
}
