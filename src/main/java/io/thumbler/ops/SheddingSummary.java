package io.thumbler.ops;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * One INFO line per minute at most while load is being shed, instead of one per refused request:
 * refusing renders when every slot and queue place is taken is the server working as designed, not
 * a fault, and a burst of thousands of refusals must not become thousands of log lines. The count
 * itself is the {@code Rejected} attribute of {@code io.thumbler:type=RenderPool}.
 */
final class SheddingSummary {

    private static final Logger LOG = Logger.getLogger(SheddingSummary.class.getName());
    static final long INTERVAL_MILLIS = 60_000;

    private final LongSupplier clock;
    private final AtomicLong windowStart = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong inWindow = new AtomicLong();

    SheddingSummary(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Counts one refusal; returns the summary line when this refusal closes a window (and logs it),
     * else {@code null}. The first refusal after a quiet spell is reported at once.
     */
    String refused() {
        long now = clock.getAsLong();
        inWindow.incrementAndGet();
        long start = windowStart.get();
        if (start != Long.MIN_VALUE && now - start < INTERVAL_MILLIS) {
            return null;
        }
        if (!windowStart.compareAndSet(start, now)) {
            return null; // another thread reports this window
        }
        long shed = inWindow.getAndSet(0);
        String line = start == Long.MIN_VALUE || now - start >= 2 * INTERVAL_MILLIS
                ? "shedding load: refused " + shed + " render(s), every render slot and queue place taken (503 + Retry-After)"
                : "shedding load: refused " + shed + " render(s) in the last " + (now - start) / 1000
                        + " s, every render slot and queue place taken (503 + Retry-After)";
        LOG.info(line);
        return line;
    }
}
