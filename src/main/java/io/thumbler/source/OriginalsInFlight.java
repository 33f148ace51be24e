package io.thumbler.source;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;

/**
 * A byte budget for originals on their way into the server ({@code THUMBLER_ORIGINALS_IN_FLIGHT_MB}):
 * a fetch reserves the original's size (as the origin announces it, or the size cap when it does not)
 * before it reads the body, and gives it back once the bytes are stored. When the budget is spent a
 * fetch is refused at once with 503 and {@code Retry-After}: heap use grows with the bytes being
 * worked on, never with the number of requests waiting. (Renders hold their original inside a render
 * slot, so the slots bound those bytes.)
 *
 * <p>One original larger than the whole budget still goes when nothing else is in flight, so the
 * budget never makes an allowed original unreadable.
 */
public final class OriginalsInFlight {

    /** Seconds a refused client is told to wait: a fetch and its store take well under that. */
    static final int RETRY_AFTER_SECONDS = 2;

    private final long budget;
    private final AtomicLong held = new AtomicLong();

    public OriginalsInFlight(long budgetBytes) {
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("the in-flight budget must be positive, not " + budgetBytes);
        }
        this.budget = budgetBytes;
    }

    /** No budget: for a source used on its own, outside a server. */
    public static OriginalsInFlight unbounded() {
        return new OriginalsInFlight(Long.MAX_VALUE);
    }

    /**
     * Reserves {@code bytes} for the original at {@code uri}.
     *
     * @throws BudgetSpent (503 with {@code Retry-After}) when the budget cannot hold it now
     */
    public Reservation reserve(SourceUri uri, long bytes) {
        long current;
        do {
            current = held.get();
            if (current > 0 && bytes > budget - current) {
                throw new BudgetSpent(uri, bytes, current);
            }
        } while (!held.compareAndSet(current, current + bytes));
        return new Reservation(bytes);
    }

    /** Bytes reserved now. */
    public long held() {
        return held.get();
    }

    public long budget() {
        return budget;
    }

    private static String mib(long bytes) {
        return (bytes + (1 << 20) - 1 >> 20) + " MiB";
    }

    /** The server's refusal to read one more original now: its state, not the origin's fault. */
    public final class BudgetSpent extends ThumblerException {

        private static final long serialVersionUID = 1L;

        BudgetSpent(SourceUri uri, long bytes, long current) {
            super(ErrorKind.OVERLOADED, "the server is busy: originals being read already take " + mib(current) + " of the "
                    + mib(budget) + " allowed; try again shortly",
                    "original '" + uri + "' (" + bytes + " bytes) refused by THUMBLER_ORIGINALS_IN_FLIGHT_MB", null,
                    RETRY_AFTER_SECONDS);
        }
    }

    /** Bytes held for one original; {@link #close()} gives them back (once, however often called). */
    public final class Reservation implements AutoCloseable {

        private final AtomicBoolean open = new AtomicBoolean(true);
        private volatile long bytes;

        private Reservation(long bytes) {
            this.bytes = bytes;
        }

        /**
         * Gives back what was reserved beyond {@code actual}, e.g. after a body without a declared
         * length turned out smaller than the cap that was reserved for it.
         */
        void shrinkTo(long actual) {
            long excess = bytes - actual;
            if (excess > 0 && open.get()) {
                bytes = actual;
                held.addAndGet(-excess);
            }
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                held.addAndGet(-bytes);
            }
        }
    }
}
