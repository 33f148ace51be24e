package io.thumbler.it;

import static io.thumbler.it.StartedServers.awaitReady;
import static io.thumbler.it.StartedServers.cacheStatus;
import static io.thumbler.it.StartedServers.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.thumbler.security.SigningKey;
import io.thumbler.security.UrlSigner;

/**
 * The persistent rendition tier across a clean restart (SIGTERM, as systemd and Kubernetes stop the
 * service): variants rendered before it are hits after it, and an entry damaged on disk while the
 * server was down is never served. It is detected by its checksum, counted as a miss and rendered
 * again, so the client gets the right bytes under the same ETag. One Payara Micro with the production
 * JVM options, booted twice on the same cache directory (30–60 s in all).
 */
class RestartIT {

    private static final SigningKey KEY = SigningKey.fromHex("726573746172742d6b6579", "726573746172742d73616c74");
    private static final UrlSigner SIGNER = new UrlSigner(List.of(KEY), 32);
    private static final int VARIANTS = 6;

    @TempDir
    Path work;

    private Process server;
    private Process second;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() throws InterruptedException {
        if (second != null) {
            second.destroy();
            second.waitFor(60, TimeUnit.SECONDS);
        }
        if (server != null) {
            stopGracefully();
        }
    }

    /**
     * A second instance started on the cache directory of a running one cannot lock it: it serves
     * without caches, and says so in readiness (UP, with the reason and what to do).
     */
    @Test
    void aSecondInstanceOnTheSameCacheDirectorySaysWhyItHasNoCache() throws Exception {
        int first = freePort();
        server = launch(first, "first");
        awaitReady(http, server, first, work.resolve("first/payara.log"));
        int port = freePort();
        second = launch(port, "second", Map.of("THUMBLER_ACCESS_LOG", "json"));
        awaitReady(http, second, port, work.resolve("second/payara.log"));

        String readiness = new String(get(port, "/health/ready").body(), StandardCharsets.UTF_8);
        assertThat(readiness).contains("\"name\":\"caches\"", "failed: ", "give each instance its own THUMBLER_CACHE_DIR");
        String path = "/rs:fit:64:64/plain/local:%2F%2F%2FLadyBird.jpg@jpg";
        assertThat(get(port, "/" + SIGNER.sign(path) + path).statusCode()).as("still rendering, without a cache").isEqualTo(200);
        assertThat(new String(get(first, "/health/ready").body(), StandardCharsets.UTF_8)).contains("open: disk tier in ");

        // The access log: one whole line per request on standard output, in the chosen format,
        // with who asked; the server log's own format (Payara's ODL here) does not touch it.
        HttpResponse<byte[]> viewed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + SIGNER.sign(path) + path))
                .header("User-Agent", "restart-it \"quoted\"").header("X-Forwarded-For", "203.0.113.9, 10.0.0.1")
                .header("X-Amz-Cf-Id", "cf-restart-it==").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(viewed.statusCode()).isEqualTo(200);
        assertThat(get(first, "/admin/cache/stats").statusCode()).as("no admin token configured: no admin routes").isEqualTo(404);
        assertThat(accessLine(work.resolve("second/payara.log"), "cf-restart-it==")).isEqualTo(
                "{\"time\":\"%s\",\"client\":\"127.0.0.1\",\"forwarded\":\"203.0.113.9, 10.0.0.1\",\"method\":\"GET\","
                        + "\"path\":\"" + path + "\",\"status\":200,\"bytes\":" + viewed.body().length + ",\"cache\":%s,"
                        + "\"fetch_ms\":%s,\"render_ms\":%s,\"total_ms\":%s,\"request_id\":\"cf-restart-it==\","
                        + "\"ua\":\"restart-it \\\"quoted\\\"\"}");
        assertThat(accessLine(work.resolve("first/payara.log"), "path=/admin/cache/stats "))
                .matches("time=\\S+Z client=127.0.0.1 forwarded=- method=GET path=/admin/cache/stats status=404 .* ua=\"Java-http-client/.*\"");
    }

    /**
     * The one access-log line of the log that contains {@code marker}, with its timings replaced
     * by {@code %s} (they differ per run); fails unless exactly one whole line has it.
     */
    private static String accessLine(Path log, String marker) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> lines;
        do {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(marker)).toList();
            if (lines.isEmpty()) {
                Thread.sleep(100); // the access log is written by its own thread
            }
        } while (lines.isEmpty() && System.nanoTime() < until);
        assertThat(lines).as("log lines with %s", marker).hasSize(1);
        return lines.get(0).replaceAll("\"time\":\"[^\"]+\"", "\"time\":\"%s\"")
                .replaceAll("(_ms\":)[0-9.]+", "$1%s").replaceAll("\"cache\":(\"[a-z]+\"|null)", "\"cache\":%s");
    }

    @Test
    void variantsSurviveACleanRestartAndADamagedEntryIsRenderedAgainNotServed() throws Exception {
        int port = freePort();
        start(port);
        List<String> urls = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < VARIANTS; i++) {
            String path = "/rs:fit:" + (120 + 10 * i) + ":" + (120 + 10 * i) + "/plain/local:%2F%2F%2FLadyBird.jpg@jpg";
            String url = "/" + SIGNER.sign(path) + path;
            HttpResponse<byte[]> r = get(port, url);
            assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            assertThat(cacheStatus(r)).isEqualTo("miss");
            urls.add(url);
            bodies.add(r.body());
        }
        stopGracefully();

        byte[] damaged = bodies.get(0);
        assertThat(flipInside(damaged)).as("the first variant's bytes were found in the disk tier and altered").isTrue();

        start(port);
        HttpResponse<byte[]> again = get(port, urls.get(0));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).as("the damaged entry is not served: rendered again, byte for byte").isEqualTo(damaged);
        assertThat(cacheStatus(again)).isEqualTo("miss");
        for (int i = 1; i < VARIANTS; i++) {
            HttpResponse<byte[]> r = get(port, urls.get(i));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(bodies.get(i));
            assertThat(cacheStatus(r)).as("variant %d kept across the restart", i).isEqualTo("hit");
        }
    }

    /** Flips 64 bytes in the middle of the rendition's image bytes wherever they lie in the disk tier's data files. */
    private boolean flipInside(byte[] image) throws IOException {
        byte[] needle = Arrays.copyOfRange(image, image.length / 2, image.length / 2 + 64);
        List<Path> stores;
        try (Stream<Path> files = Files.walk(work.resolve("cache"))) {
            stores = files.filter(p -> p.getFileName().toString().equals("ehcache-disk-store.data"))
                    .filter(p -> p.toString().contains("renditions")).toList();
        }
        boolean flipped = false;
        for (Path store : stores) {
            byte[] data = Files.readAllBytes(store);
            for (int at = indexOf(data, needle, 0); at >= 0; at = indexOf(data, needle, at + 1)) {
                try (RandomAccessFile f = new RandomAccessFile(store.toFile(), "rw")) {
                    byte[] flippedBytes = needle.clone();
                    for (int i = 0; i < flippedBytes.length; i++) {
                        flippedBytes[i] ^= (byte) 0x5A;
                    }
                    f.seek(at);
                    f.write(flippedBytes);
                }
                flipped = true;
            }
        }
        return flipped;
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void start(int port) throws Exception {
        server = launch(port, "node");
        awaitReady(http, server, port, work.resolve("node/payara.log"));
    }

    private Process launch(int port, String node) throws Exception {
        return launch(port, node, Map.of());
    }

    private Process launch(int port, String node, Map<String, String> settings) throws Exception {
        Path dir = Files.createDirectories(work.resolve(node));
        ProcessBuilder pb = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + System.getProperty("thumbler.jvmoptions", "server-config/jvm.options"),
                "-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy", System.getProperty("thumbler.war", "target/thumbler.war"), "--contextroot", "/",
                "--port", String.valueOf(port), "--nohazelcast", "--interfaces", "127.0.0.1",
                "--rootdir", dir.resolve("root").toString(),
                "--prebootcommandfile", System.getProperty("thumbler.preboot", "server-config/pre-boot-commands.asadmin"),
                "--postdeploycommandfile", System.getProperty("thumbler.postdeploy", "server-config/post-deploy-commands.asadmin"),
                "--logproperties", System.getProperty("thumbler.logproperties", "server-config/logging.properties")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("payara.log").toFile()));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("THUMBLER_"));
        env.put("THUMBLER_KEY", HexFormat.of().formatHex(KEY.key()));
        env.put("THUMBLER_SALT", HexFormat.of().formatHex(KEY.salt()));
        env.put("THUMBLER_CACHE_DIR", work.resolve("cache").toString());
        env.put("THUMBLER_TEMP_DIR", dir.resolve("tmp").toString());
        env.put("THUMBLER_LOCAL_FILESYSTEM_ROOT", Path.of(System.getProperty("thumbler.samples", "samples")).toAbsolutePath().toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("MALLOC_ARENA_MAX", "2");
        env.putAll(settings);
        return pb.start();
    }

    private void stopGracefully() throws InterruptedException {
        server.destroy(); // SIGTERM
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        server = null;
    }

    private HttpResponse<byte[]> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
