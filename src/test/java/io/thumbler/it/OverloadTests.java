package io.thumbler.it;

import static io.thumbler.it.ThumblerClient.plainPath;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Many distinct cold requests at once: each gets its thumbnail or a 503 with {@code Retry-After} and
 * {@code no-store} — never a hang, a 500 or a dead server — while the health endpoint keeps
 * answering; the same for many distinct large originals at once, which must not exhaust the heap of
 * the production JVM options the server runs with. The load is bounded (a fixed client pool,
 * loopback only). And a render whose ImageMagick is killed: a transient 500, never remembered as a
 * bad original.
 */
interface OverloadTests extends ServerUnderTest {

    int REQUESTS = 300;
    int CLIENTS = 64;

    @Test
    default void distinctColdRequestsGetARenderOrAFast503() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<HttpResponse<byte[]>>> responses = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String path = plainPath("rs:fit:" + (100 + i) + ":" + (100 + i), "LadyBird.jpg", "jpg");
                responses.add(pool.submit(() -> client().getSigned(path)));
            }
            HttpResponse<byte[]> health = client().send(HttpRequest.newBuilder(
                    URI.create(client().base().replaceFirst("(https?://[^/]+).*", "$1") + "/health/live")).GET());
            assertThat(health.statusCode()).as("liveness under load").isEqualTo(200);

            int ok = renderedCountingRefusals(responses);
            assertThat(responses).hasSize(REQUESTS);
            assertThat(ok).as("some requests are rendered").isPositive();
        } finally {
            pool.shutdownNow();
        }
        ServerUnderTest.assertNothingLeftBehind();
        assertThat(client().getSigned(plainPath("w:64", "LadyBird.jpg", "jpg")).statusCode()).as("still serving").isEqualTo(200);
    }

    /**
     * 64 distinct originals of about 16 MB at once (hard links of one noise JPEG, so 64 sources for
     * one file's disk space), three rounds. Reading them all at once would hold a gigabyte; the
     * server's heap is the 320 MB of server-config/jvm.options, with ExitOnOutOfMemoryError.
     */
    @Test
    default void distinctLargeOriginalsAtOnceGetARenderOrA503AndTheServerLives() throws Exception {
        int sources = 64;
        Path big = ServerUnderTest.originals().resolve("large-noise-0.jpg");
        if (!Files.exists(big)) {
            Process p = new ProcessBuilder("/usr/bin/convert", "-size", "2900x2000", "xc:#808070", "+noise", "Random",
                    "-quality", "100", big.toString()).redirectErrorStream(true).start();
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
            for (int i = 1; i < sources; i++) {
                Files.createLink(big.resolveSibling("large-noise-" + i + ".jpg"), big);
            }
        }
        assertThat(Files.size(big)).as("a large original").isGreaterThan(12L << 20);

        ExecutorService pool = Executors.newFixedThreadPool(sources);
        try {
            int ok = 0;
            for (int round = 0; round < 3; round++) {
                List<Future<HttpResponse<byte[]>>> responses = new ArrayList<>();
                for (int i = 0; i < sources; i++) {
                    String path = plainPath(ThumblerClient.fresh("rs:fit:300:300/cb:large" + round), "large-noise-" + i + ".jpg", "jpg");
                    responses.add(pool.submit(() -> client().getSigned(path)));
                }
                ok += renderedCountingRefusals(responses);
            }
            assertThat(ok).as("some large originals are rendered").isPositive();
        } finally {
            pool.shutdownNow();
        }
        ServerUnderTest.assertNothingLeftBehind();
        assertThat(client().getSigned(plainPath(ThumblerClient.fresh("w:64"), "LadyBird.jpg", "jpg")).statusCode())
                .as("alive and rendering").isEqualTo(200);
    }

    /**
     * Waits for every answer; each is a 200 or a 503 with {@code Retry-After} and {@code no-store}.
     *
     * @return how many were 200
     */
    private static int renderedCountingRefusals(List<Future<HttpResponse<byte[]>>> responses) throws Exception {
        int ok = 0;
        for (Future<HttpResponse<byte[]>> f : responses) {
            HttpResponse<byte[]> r = f.get(5, TimeUnit.MINUTES);
            if (r.statusCode() == 200) {
                ok++;
            } else {
                assertThat(r.statusCode()).as(ThumblerClient.text(r)).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
                assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            }
        }
        return ok;
    }

    @Test
    default void aKilledRenderIs500NoStoreAndIsNotRememberedAsABadOriginal() throws Exception {
        // About 3 s of one core: long enough to find the process and kill it.
        String path = plainPath(ThumblerClient.fresh("rs:fit:1500:1500/bl:30"), "Wine_by_Jakkub_Mede.jpg", "jpg");
        CompletableFuture<HttpResponse<byte[]>> killed = CompletableFuture.supplyAsync(() -> client().getSigned(path));
        ProcessHandle convert = awaitConvert("-blur", Duration.ofSeconds(60));
        convert.destroyForcibly(); // SIGKILL, as the kernel's OOM killer would
        HttpResponse<byte[]> r = killed.get(2, TimeUnit.MINUTES);

        assertThat(r.statusCode()).as(ThumblerClient.text(r)).isEqualTo(500);
        assertThat(ThumblerClient.text(r)).contains("signal 9");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        HttpResponse<byte[]> again = client().getSigned(path);
        assertThat(again.statusCode()).as("rendered afresh, not replayed: %s", ThumblerClient.text(again)).isEqualTo(200);
        ServerUnderTest.assertNothingLeftBehind();
    }

    /** The server's running {@code convert} whose command line holds {@code marker}. */
    private static ProcessHandle awaitConvert(String marker, Duration limit) throws InterruptedException {
        String tempDir = ServerUnderTest.tempDir().toAbsolutePath().toString();
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < until) {
            Optional<ProcessHandle> found = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.startsWith("/usr/bin/convert") && c.contains(tempDir)
                            && c.contains(marker)).orElse(false))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no convert with " + marker + " started within " + limit);
    }
}
