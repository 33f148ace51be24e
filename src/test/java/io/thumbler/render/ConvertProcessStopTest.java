package io.thumbler.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.thumbler.error.ThumblerException;

/** A long-running child stands in for a stuck {@code convert}: {@code /bin/sleep} under another binary path. */
class ConvertProcessStopTest {

    @TempDir
    Path temp;

    @Test
    void stopAllEndsRunningChildrenAndTheirCallersGet503() throws Exception {
        ConvertProcess sleep = new ConvertProcess(Path.of("/bin/sleep"), Map.of(), Duration.ofSeconds(60));
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                sleep.run(List.of("30"), temp);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        awaitRunning(1);

        long t0 = System.nanoTime();
        assertThat(ConvertProcess.stopAll()).isEqualTo(1);
        Throwable failure = outcome.get(10, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(failure).isInstanceOf(ThumblerException.class).hasMessageContaining("shutting down");
        assertThat(((ThumblerException) failure).status()).isEqualTo(503);
        assertThat(ConvertProcess.running()).isZero();
    }

    @Test
    void aChildThatEndsByItselfIsNoLongerTracked() {
        ConvertProcess sleep = new ConvertProcess(Path.of("/bin/sleep"), Map.of(), Duration.ofSeconds(10));
        assertThat(sleep.run(List.of("0"), temp).exitCode()).isZero();
        assertThat(ConvertProcess.running()).isZero();
        assertThat(ConvertProcess.stopAll()).isZero();
    }

    static void awaitRunning(int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ConvertProcess.running() < n) {
            assertThat(System.nanoTime()).as("%d child process(es) started", n).isLessThan(until);
            Thread.sleep(10);
        }
    }
}
