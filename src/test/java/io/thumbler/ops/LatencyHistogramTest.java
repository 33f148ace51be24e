package io.thumbler.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void emptyHistogramAnswersZero() {
        assertThat(new LatencyHistogram().percentile(99)).isZero();
    }

    @Test
    void smallValuesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (int ms = 1; ms <= 10; ms++) {
            h.record(ms);
        }
        assertThat(h.percentile(50)).isEqualTo(5);
        assertThat(h.percentile(100)).isEqualTo(10);
        assertThat(h.percentile(10)).isEqualTo(1);
    }

    @Test
    void percentilesOfAUniformSpreadAreWithinOneSixteenth() {
        LatencyHistogram h = new LatencyHistogram();
        for (int ms = 1; ms <= 10_000; ms++) {
            h.record(ms);
        }
        assertThat(h.count()).isEqualTo(10_000);
        assertThat((double) h.percentile(50)).isCloseTo(5_000, within(5_000 / 16.0));
        assertThat((double) h.percentile(95)).isCloseTo(9_500, within(9_500 / 16.0));
        assertThat((double) h.percentile(99)).isCloseTo(9_900, within(9_900 / 16.0));
        // An upper bound: never below the true value.
        assertThat(h.percentile(99)).isGreaterThanOrEqualTo(9_900);
    }

    @Test
    void matchesSortedPercentilesOfRandomLatencies() {
        Random random = new Random(42);
        LatencyHistogram h = new LatencyHistogram();
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            long v = (long) Math.exp(random.nextGaussian() * 1.2 + 4.5); // log-normal around 90 ms
            values.add(v);
            h.record(v);
        }
        values.sort(null);
        for (double p : new double[] {50, 90, 95, 99, 99.9}) {
            long exact = values.get((int) Math.ceil(values.size() * p / 100) - 1);
            assertThat(h.percentile(p)).as("p%s", p).isBetween(exact, exact + Math.max(1, exact / 16));
        }
    }

    @Test
    void bucketBoundsCoverEveryValueWithoutGaps() {
        for (long v = 0; v < 70_000; v++) {
            int i = LatencyHistogram.indexOf(v);
            assertThat(LatencyHistogram.upperBoundOf(i)).isGreaterThanOrEqualTo(v);
            if (i > 0) {
                assertThat(LatencyHistogram.upperBoundOf(i - 1)).isLessThan(v);
            }
        }
    }

    @Test
    void outOfRangeValuesAreClamped() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(-5);
        h.record(Long.MAX_VALUE);
        assertThat(h.percentile(50)).isZero();
        assertThat(h.percentile(100)).isEqualTo(LatencyHistogram.MAX_MILLIS);
    }

    @Test
    void rejectsPercentilesOutsideTheRange() {
        LatencyHistogram h = new LatencyHistogram();
        assertThatThrownBy(() -> h.percentile(0)).hasMessageContaining("not 0.0");
        assertThatThrownBy(() -> h.percentile(100.5)).hasMessageContaining("not 100.5");
    }

    @Test
    void concurrentRecordsAreAllCounted() throws InterruptedException {
        LatencyHistogram h = new LatencyHistogram();
        int threads = 8;
        int each = 20_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    h.record(offset * 10 + i % 100);
                }
            });
            thread.start();
            started.add(thread);
        }
        go.countDown();
        for (Thread t : started) {
            t.join();
        }
        assertThat(h.count()).isEqualTo((long) threads * each);
    }
}
