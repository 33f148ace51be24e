package io.thumbler.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Thumbler instances on 127.0.0.1 in clustered mode ({@code THUMBLER_CLUSTER=true}, Payara's
 * Data Grid in tcpip mode on loopback): a variant rendered on node A is a hit on node B, served
 * from the shared tier. Two Payara boots at once: 60–75 s on a quiet 2-core machine, up to about
 * 200 s under load. Nothing listens beyond loopback; both servers are stopped in {@code @AfterEach}.
 */
class ClusterIT {

    private static final Duration BOOT = Duration.ofSeconds(300);

    @TempDir
    Path work;

    private final List<Process> nodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (Process p : nodes) {
            p.destroy();
        }
        for (Process p : nodes) {
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void aVariantRenderedOnOneNodeIsAHitOnTheOther() throws Exception {
        int httpA = freePort();
        int httpB = freePort();
        int gridA = freePort();
        int gridB = freePort();
        String members = "tcpip:127.0.0.1:" + gridA + ",127.0.0.1:" + gridB;
        start("nodeA", httpA, gridA, members);
        start("nodeB", httpB, gridB, members);
        awaitReady("nodeA", httpA);
        awaitReady("nodeB", httpB);

        String path = "/insecure/rs:fit:90:90/plain/local:%2F%2F%2FLadyBird.jpg@jpg";
        assertThat(cacheStatus(httpA, path)).isEqualTo("miss");
        assertThat(cacheStatus(httpB, path)).as("node B reads node A's render from the shared tier").isEqualTo("hit");
    }

    private void start(String name, int httpPort, int gridPort, String members) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        ProcessBuilder pb = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dhazelcast.socket.bind.any=false",
                "-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy", System.getProperty("thumbler.war", "target/thumbler.war"), "--contextroot", "/",
                "--port", String.valueOf(httpPort), "--startport", String.valueOf(gridPort), "--name", name,
                "--clustermode", members, "--interfaces", "127.0.0.1", "--clustername", "thumbler-it-" + ProcessHandle.current().pid(),
                "--rootdir", dir.resolve("root").toString(),
                "--prebootcommandfile", System.getProperty("thumbler.preboot", "server-config/pre-boot-commands.asadmin")))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("payara.log").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("THUMBLER_"));
        env.put("THUMBLER_INSECURE", "true");
        env.put("THUMBLER_CLUSTER", "true");
        env.put("THUMBLER_CACHE_DIR", dir.resolve("cache").toString());
        env.put("THUMBLER_TEMP_DIR", dir.resolve("tmp").toString());
        env.put("THUMBLER_LOCAL_FILESYSTEM_ROOT", Path.of(System.getProperty("thumbler.samples", "samples")).toAbsolutePath().toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        nodes.add(pb.start());
    }

    private void awaitReady(String name, int port) throws Exception {
        long until = System.nanoTime() + BOOT.toNanos();
        while (System.nanoTime() < until) {
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
        String log = Files.readString(work.resolve(name).resolve("payara.log"), StandardCharsets.UTF_8);
        throw new AssertionError(name + " did not become ready within " + BOOT + "; log tail:\n"
                + log.substring(Math.max(0, log.length() - 4000)));
    }

    private String cacheStatus(int port, String path) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        String timing = r.headers().firstValue("Server-Timing").orElse("");
        int at = timing.indexOf("cache;desc=");
        return at < 0 ? "(none: " + timing + ")" : timing.substring(at + "cache;desc=".length()).split("[,; ]")[0];
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
