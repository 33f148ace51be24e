package io.thumbler.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** For tests that start Payara Micro processes of their own (outside Arquillian's one boot). */
final class StartedServers {

    /** How long one boot may take: 15–30 s on a quiet 2-core machine, far more under load. */
    static final Duration BOOT = Duration.ofSeconds(300);

    private StartedServers() {
    }

    /** A loopback port free right now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Waits until {@code /health/ready} answers 200.
     *
     * @throws AssertionError with the tail of {@code log} when the server died or did not get ready in {@link #BOOT}
     */
    static void awaitReady(HttpClient http, Process server, int port, Path log) throws Exception {
        long until = System.nanoTime() + BOOT.toNanos();
        while (System.nanoTime() < until && server.isAlive()) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still booting
            }
            Thread.sleep(1000);
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        throw new AssertionError("the server on port " + port + " did not become ready within " + BOOT + "; log tail:\n"
                + text.substring(Math.max(0, text.length() - 4000)));
    }

    /** {@code hit}, {@code miss} or {@code coalesced} from the answer's {@code Server-Timing}. */
    static String cacheStatus(HttpResponse<?> r) {
        String timing = r.headers().firstValue("Server-Timing").orElse("");
        int at = timing.indexOf("cache;desc=");
        return at < 0 ? "(none: " + timing + ")" : timing.substring(at + "cache;desc=".length()).split("[,; ]")[0];
    }
}
