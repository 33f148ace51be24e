package io.thumbler.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Waits, before Arquillian boots the next Payara Micro, until the previous test class's server has
 * let go of the fixed remote-JMX port that every deployment is started with (arquillian.xml).
 * Arquillian does not wait for the old process to exit; a new JVM that finds the port still taken
 * exits at once, and Arquillian then waits its whole startup timeout for a server that is gone.
 */
public final class PreviousServerGone implements BeforeAllCallback {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @Override
    public void beforeAll(ExtensionContext context) throws InterruptedException {
        String port = System.getProperty("jmx.port");
        if (port == null) {
            return;
        }
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (!free(Integer.parseInt(port))) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("port " + port + " (remote JMX of the test servers) is still taken after " + PATIENCE);
            }
            Thread.sleep(250);
        }
    }

    private static boolean free(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
