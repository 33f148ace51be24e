package io.thumbler.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class AccessLogWriterTest {

    @Test
    void linesArriveInOrderAndCloseWritesWhatIsQueued() {
        List<String> written = new CopyOnWriteArrayList<>();
        AccessLogWriter writer = new AccessLogWriter(written::add);
        for (int i = 0; i < 1000; i++) {
            writer.write("line " + i);
        }
        writer.close();

        assertThat(written).hasSize(1000).startsWith("line 0", "line 1").endsWith("line 999");
        assertThat(writer.dropped()).isZero();
    }

    @Test
    void aStuckLogDropsLinesInsteadOfBlockingRequests() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AccessLogWriter writer = new AccessLogWriter(line -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // One line is taken by the stuck sink; the queue fills; the rest are dropped, none blocks.
        for (int i = 0; i < AccessLogWriter.CAPACITY + 100; i++) {
            writer.write("line " + i);
        }

        assertThat(writer.dropped()).isBetween(99L, 100L);
        release.countDown();
        writer.close();
    }

    @Test
    void standardOutputLinesAreWholeLinesFlushedWhenTheQueueRunsEmpty() throws InterruptedException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        AccessLogWriter writer = new AccessLogWriter(new AccessLogTarget.Lines(out));
        writer.write("time=a method=GET ua=\"é\"");
        writer.write("{\"status\":200}");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (out.size() == 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .as("flushed without close, once nothing more is queued")
                .isEqualTo("time=a method=GET ua=\"é\"\n{\"status\":200}\n");
        writer.close();
    }
}
