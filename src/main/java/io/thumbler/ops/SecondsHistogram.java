package io.thumbler.ops;

import java.math.BigDecimal;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Prometheus-style latency histogram: how many observations fell at or below each bound (in
 * seconds), how many there were and their sum. Counts only grow, over every observation since the
 * application started, so {@code rate()} and {@code histogram_quantile()} work on them.
 *
 * <p>Payara's own timers cannot stand in: their {@code _bucket} lines count a sample of at most
 * 1028 recent observations (measured on Payara Micro 6.2025.10: {@code le="10.0"} stopped at 1028
 * while {@code le="+Inf"} read 1501), and their quantiles print nanoseconds under a
 * {@code _seconds} name.
 *
 * <p>Recording is two {@link LongAdder} adds, so request threads do not contend; a read sums the
 * buckets up to a bound.
 */
public final class SecondsHistogram {

    /**
     * The bounds of Prometheus' client libraries (imgproxy's histograms use them), so an imgproxy
     * dashboard's {@code le} values match; plus 30 s, CloudFront's origin timeout.
     */
    public static final double[] DEFAULT_BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private final double[] bounds;
    /** Observations per bucket, not cumulated; the last one is above every bound. */
    private final LongAdder[] counts;
    private final LongAdder sumNanos = new LongAdder();

    public SecondsHistogram() {
        this(DEFAULT_BOUNDS);
    }

    SecondsHistogram(double[] bounds) {
        for (int i = 1; i < bounds.length; i++) {
            if (!(bounds[i] > bounds[i - 1])) {
                throw new IllegalArgumentException("histogram bounds must increase, but " + bounds[i] + " follows " + bounds[i - 1]);
            }
        }
        this.bounds = bounds.clone();
        this.counts = new LongAdder[bounds.length + 1];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    /** Adds one observation; a negative duration (a clock step) counts as 0. */
    public void record(long nanos) {
        long n = Math.max(nanos, 0);
        double seconds = n / 1e9;
        int i = 0;
        while (i < bounds.length && seconds > bounds[i]) {
            i++;
        }
        counts[i].increment();
        sumNanos.add(n);
    }

    /** The upper bounds in seconds, lowest first ({@code +Inf} is implied). */
    public double[] bounds() {
        return bounds.clone();
    }

    /** Observations at or below {@code bounds()[index]}. */
    public long cumulativeCount(int index) {
        long n = 0;
        for (int i = 0; i <= index; i++) {
            n += counts[i].sum();
        }
        return n;
    }

    /** Every observation: the {@code le="+Inf"} bucket and {@code _count}. */
    public long count() {
        return cumulativeCount(counts.length - 1);
    }

    /** The sum of the observations in seconds. */
    public double sumSeconds() {
        return sumNanos.sum() / 1e9;
    }

    /**
     * A bound as Prometheus' client libraries write the {@code le} label: the shortest decimal,
     * {@code 1} rather than {@code 1.0}, so that the series match imgproxy's.
     */
    public static String label(double bound) {
        return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }
}
