package io.thumbler.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SecondsHistogramTest {

    @Test
    void bucketsAreCumulativeAndInSeconds() {
        SecondsHistogram h = new SecondsHistogram(new double[] {0.01, 0.1, 1});
        h.record(TimeUnit.MILLISECONDS.toNanos(3));
        h.record(TimeUnit.MILLISECONDS.toNanos(10)); // on a bound: counted at or below it
        h.record(TimeUnit.MILLISECONDS.toNanos(50));
        h.record(TimeUnit.SECONDS.toNanos(7));

        assertThat(h.cumulativeCount(0)).isEqualTo(2);
        assertThat(h.cumulativeCount(1)).isEqualTo(3);
        assertThat(h.cumulativeCount(2)).isEqualTo(3);
        assertThat(h.count()).isEqualTo(4);
        assertThat(h.sumSeconds()).isCloseTo(7.063, within(1e-9));
    }

    @Test
    void everyObservationCountsNotASample() {
        // Payara's timer buckets stop at 1028 (a sampling reservoir); these must not.
        SecondsHistogram h = new SecondsHistogram();
        for (int i = 0; i < 5_000; i++) {
            h.record(TimeUnit.MILLISECONDS.toNanos(2));
        }
        assertThat(h.cumulativeCount(0)).isEqualTo(5_000);
        assertThat(h.count()).isEqualTo(5_000);
    }

    @Test
    void aNegativeDurationCountsAsZero() {
        SecondsHistogram h = new SecondsHistogram();
        h.record(-5);
        assertThat(h.cumulativeCount(0)).isEqualTo(1);
        assertThat(h.sumSeconds()).isZero();
    }

    @Test
    void boundsAreWrittenAsPrometheusClientsWriteThem() {
        assertThat(Arrays.stream(SecondsHistogram.DEFAULT_BOUNDS).mapToObj(SecondsHistogram::label))
                .containsExactly("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "30");
    }

    @Test
    void boundsMustIncrease() {
        assertThatThrownBy(() -> new SecondsHistogram(new double[] {1, 0.5})).hasMessageContaining("0.5 follows 1.0");
    }
}
