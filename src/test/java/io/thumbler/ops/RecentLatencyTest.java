package io.thumbler.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RecentLatencyTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final RecentLatency latency = new RecentLatency(Duration.ofSeconds(60), now::get);

    private void advance(int seconds) {
        now.addAndGet(Duration.ofSeconds(seconds).toNanos());
    }

    @Test
    void readsTheCurrentAndThePreviousWindow() {
        latency.record(1023); // a bucket bound: read back exactly
        advance(61);
        latency.record(10);
        assertThat(latency.percentile(100)).isEqualTo(1023);
        assertThat(latency.percentile(50)).isEqualTo(10);
    }

    @Test
    void forgetsWindowsOlderThanThePreviousOne() {
        latency.record(1023); // a bucket bound: read back exactly
        advance(61);
        latency.record(10);
        advance(61);
        latency.record(12);
        assertThat(latency.percentile(100)).isEqualTo(12);
    }

    @Test
    void anIdlePeriodOfTwoWindowsLeavesNoValue() {
        latency.record(1023); // a bucket bound: read back exactly
        advance(150);
        assertThat(latency.percentile(99)).as("no observation: no value rather than 0").isNaN();
    }
}
