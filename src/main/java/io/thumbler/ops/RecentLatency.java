package io.thumbler.ops;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Latency percentiles over the last one to two windows (one minute by default), so that an alert
 * on p99 sees the last minutes and not an average diluted by the whole uptime. Two
 * {@link LatencyHistogram}s take turns: recording goes into the current one, a read merges it with
 * the previous one, and the first access after a window ended starts a fresh one.
 *
 * <p>With no observation in either window (an idle node) a percentile is {@code NaN}: a 0 would
 * read as "fast", and the last busy window's value as "still slow".
 */
public final class RecentLatency {

    private record Windows(long startNanos, LatencyHistogram previous, LatencyHistogram current) {
    }

    private final long windowNanos;
    private final LongSupplier clock;
    private final AtomicReference<Windows> windows;

    public RecentLatency() {
        this(Duration.ofMinutes(1), System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime()}; tests pass their own */
    RecentLatency(Duration window, LongSupplier clock) {
        this.windowNanos = window.toNanos();
        this.clock = clock;
        this.windows = new AtomicReference<>(new Windows(clock.getAsLong(), new LatencyHistogram(), new LatencyHistogram()));
    }

    public void record(long millis) {
        rotated().current().record(millis);
    }

    /**
     * See {@link LatencyHistogram#percentile(double)}, over the current and the previous window;
     * {@code NaN} when neither has an observation.
     */
    public double percentile(double percentile) {
        Windows w = rotated();
        long[] merged = new long[w.current().bucketCount()];
        w.previous().addTo(merged);
        w.current().addTo(merged);
        long total = 0;
        for (long c : merged) {
            total += c;
        }
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("a percentile must be in (0, 100], not " + percentile);
        }
        return total == 0 ? Double.NaN : LatencyHistogram.percentileOf(merged, total, percentile);
    }

    private Windows rotated() {
        while (true) {
            Windows w = windows.get();
            long now = clock.getAsLong();
            long age = now - w.startNanos();
            if (age < windowNanos) {
                return w;
            }
            // After two idle windows the previous one is stale too.
            LatencyHistogram previous = age < 2 * windowNanos ? w.current() : new LatencyHistogram();
            Windows next = new Windows(now, previous, new LatencyHistogram());
            if (windows.compareAndSet(w, next)) {
                return next;
            }
        }
    }
}
