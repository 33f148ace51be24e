package io.thumbler.it;

import static io.thumbler.it.StartedServers.awaitReady;
import static io.thumbler.it.StartedServers.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.thumbler.edge.RecordingCloudFront;
import io.thumbler.security.SigningKey;
import io.thumbler.security.UrlSigner;

/**
 * Two Thumbler instances on 127.0.0.1 in clustered mode ({@code THUMBLER_CLUSTER=true}, Payara's
 * Data Grid in tcpip mode on loopback): a variant rendered on node A is a hit on node B, served
 * from the shared tier. Two Payara boots at once: 60–75 s on a quiet 2-core machine, up to about
 * 200 s under load. Nothing listens beyond loopback; both servers are stopped in {@code @AfterEach}.
 *
 * <p>A purge on node A is fleet-wide: node B hears of it through Payara's clustered CDI event bus and
 * drops its own copy, so its next request renders again. Both nodes have CloudFront invalidation on,
 * pointed at a loopback recorder ({@link RecordingCloudFront}): each invalidates the paths it
 * answered, after the purge has answered.
 *
 * <p>The two nodes also stand for a key rotation across a restart and for the origin secret on
 * cache hits: both require {@code X-Origin-Secret}; node A verifies the old and the new key, node B
 * (the node restarted after the rotation) the new key only. A URL signed with the retired key is
 * 403 on B although its variant sits in the shared tier, and a URL answered from the cache in front
 * of JAX-RS on A is still 403 without the secret.
 */
class ClusterIT {

    @TempDir
    Path work;

    private static final String SECRET = "cluster-it-origin-secret-0123456789";
    private static final String ADMIN_TOKEN = "cluster-it-admin-token-0123456789";
    private static final String DISTRIBUTION = "ECLUSTERIT";
    private static final SigningKey OLD_KEY = SigningKey.fromHex("6f6c642d6b6579", "6f6c642d73616c74");
    private static final SigningKey NEW_KEY = SigningKey.fromHex("6e65772d6b6579", "6e65772d73616c74");
    private static final UrlSigner OLD = new UrlSigner(List.of(OLD_KEY), 32);
    private static final UrlSigner NEW = new UrlSigner(List.of(NEW_KEY), 32);

    private final List<Process> nodes = new ArrayList<>();
    private RecordingCloudFront cloudFront;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stopNodes() throws InterruptedException {
        if (cloudFront != null) {
            cloudFront.close();
        }
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
    void aVariantRenderedOnOneNodeIsAHitOnTheOtherUntilAPurgeReachesBoth() throws Exception {
        cloudFront = new RecordingCloudFront();
        int httpA = freePort();
        int httpB = freePort();
        int gridA = freePort();
        int gridB = freePort();
        String members = "tcpip:127.0.0.1:" + gridA + ",127.0.0.1:" + gridB;
        start("nodeA", httpA, gridA, members, List.of(OLD_KEY, NEW_KEY));
        start("nodeB", httpB, gridB, members, List.of(NEW_KEY));
        awaitReady(http, nodes.get(0), httpA, work.resolve("nodeA/payara.log"));
        awaitReady(http, nodes.get(1), httpB, work.resolve("nodeB/payara.log"));
        // With clustering on, the Data Grid binds the interface it is given, not every interface:
        // Hazelcast's open-source edition has no member authentication, so the network is the guard.
        for (Process node : nodes) {
            assertThat(ListeningSockets.of(node.pid())).as("TCP listeners of a clustered node")
                    .isNotEmpty().allMatch(ListeningSockets.Listener::loopback);
        }

        String path = "/rs:fit:90:90/cb:" + ThumblerClient.RUN + "/plain/local:%2F%2F%2FLadyBird.jpg@jpg";
        String oldUrl = "/" + OLD.sign(path) + path;
        String newUrl = "/" + NEW.sign(path) + path;
        assertThat(cacheStatus(httpA, oldUrl)).isEqualTo("miss");
        assertThat(cacheStatus(httpA, oldUrl)).as("a repeat on A, answered in front of JAX-RS").isEqualTo("hit");
        assertThat(send(httpA, oldUrl, null).statusCode()).as("no origin secret, cached variant").isEqualTo(403);
        assertThat(send(httpA, oldUrl, "x".repeat(SECRET.length())).statusCode()).as("a wrong origin secret").isEqualTo(403);

        assertThat(send(httpB, oldUrl, SECRET).statusCode()).as("the retired key on B, variant in the shared tier").isEqualTo(403);
        assertThat(cacheStatus(httpB, newUrl)).as("node B reads node A's render from the shared tier").isEqualTo("hit");
        assertThat(cacheStatus(httpB, newUrl)).isEqualTo("hit");
        assertThat(send(httpB, oldUrl, SECRET).statusCode()).as("still 403 once the variant is local to B").isEqualTo(403);

        String purged = purge(httpA, "local:///LadyBird.jpg");
        assertThat(purged).contains("\"source\":\"local:///LadyBird.jpg\"", "\"paths\":1", "\"otherNodesTold\":true")
                .containsPattern("\"renditions\":[1-9]");
        awaitPurgesFromOtherNodes(httpB, 1);
        assertThat(cacheStatus(httpB, newUrl)).as("B dropped its local copy on A's word: rendered again").isEqualTo("miss");
        assertThat(cacheStatus(httpB, newUrl)).isEqualTo("hit");
        // The audit trail: who purged what, and how much went, on both nodes.
        assertThat(Files.readString(work.resolve("nodeA/payara.log")))
                .containsPattern("action=purge by=rest client=127\\.0\\.0\\.1 source=local:///LadyBird\\.jpg renditions=[1-9]\\d* originals=\\d+ paths=1 other_nodes_told=true");
        assertThat(Files.readString(work.resolve("nodeB/payara.log")))
                .containsPattern("action=purge by=other-node source=local:///LadyBird\\.jpg renditions=\\d+");

        List<RecordingCloudFront.Call> calls = cloudFront.awaitCalls(2, Duration.ofSeconds(60));
        assertThat(calls).as("one invalidation per node, each of the paths that node answered").hasSize(2)
                .allSatisfy(c -> assertThat(c.distributionId()).isEqualTo(DISTRIBUTION))
                .allSatisfy(c -> assertThat(c.signed()).isTrue());
        assertThat(calls).flatExtracting(RecordingCloudFront.Call::paths).containsExactlyInAnyOrder(oldUrl, newUrl);
        assertThat(cloudFront.unexpected()).isEmpty();
    }

    private String purge(int port, String source) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/cache/source?url="
                        + java.net.URLEncoder.encode(source, StandardCharsets.UTF_8)))
                .DELETE().header("Authorization", "Bearer " + ADMIN_TOKEN).header("X-Origin-Secret", SECRET)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** Waits for the other node's purge to arrive: the bus delivers it asynchronously. */
    private void awaitPurgesFromOtherNodes(int port, int count) throws Exception {
        java.util.regex.Pattern received = java.util.regex.Pattern.compile("\"purgesFromOtherNodes\":(\\d+)");
        String stats = "";
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            stats = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/cache/stats"))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN).header("X-Origin-Secret", SECRET)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher m = received.matcher(stats);
            if (m.find() && Integer.parseInt(m.group(1)) >= count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("node on port " + port + " did not apply " + count + " purge(s) from the other node: " + stats);
    }

    private void start(String name, int httpPort, int gridPort, String members, List<SigningKey> keys) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        ProcessBuilder pb = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dhazelcast.socket.bind.any=false",
                "-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy", System.getProperty("thumbler.war", "target/thumbler.war"), "--contextroot", "/",
                "--port", String.valueOf(httpPort), "--startport", String.valueOf(gridPort), "--name", name,
                "--clustermode", members, "--interfaces", "127.0.0.1", "--clustername", "thumbler-it-" + ProcessHandle.current().pid(),
                "--rootdir", dir.resolve("root").toString(),
                "--prebootcommandfile", System.getProperty("thumbler.preboot", "server-config/pre-boot-commands.asadmin"),
                "--postdeploycommandfile", System.getProperty("thumbler.postdeploy", "server-config/post-deploy-commands.asadmin")))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("payara.log").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("THUMBLER_"));
        env.put("THUMBLER_KEY", String.join(",", keys.stream().map(k -> HexFormat.of().formatHex(k.key())).toList()));
        env.put("THUMBLER_SALT", String.join(",", keys.stream().map(k -> HexFormat.of().formatHex(k.salt())).toList()));
        env.put("THUMBLER_ORIGIN_SECRET", SECRET);
        env.put("THUMBLER_CLUSTER", "true");
        env.put("THUMBLER_CACHE_DIR", dir.resolve("cache").toString());
        env.put("THUMBLER_TEMP_DIR", dir.resolve("tmp").toString());
        env.put("THUMBLER_LOCAL_FILESYSTEM_ROOT", Path.of(System.getProperty("thumbler.samples", "samples")).toAbsolutePath().toString());
        env.put("THUMBLER_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("THUMBLER_CLOUDFRONT_DISTRIBUTION_ID", DISTRIBUTION);
        env.put("THUMBLER_CLOUDFRONT_ENDPOINT", cloudFront.endpoint().toString());
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", "AKIDCLUSTERIT");
        env.put("AWS_SECRET_ACCESS_KEY", "cluster-it-not-a-secret");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        nodes.add(pb.start());
    }

    private HttpResponse<byte[]> send(int port, String path, String originSecret) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
        if (originSecret != null) {
            b.header("X-Origin-Secret", originSecret);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String cacheStatus(int port, String path) throws Exception {
        HttpResponse<byte[]> r = send(port, path, SECRET);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return StartedServers.cacheStatus(r);
    }
}
