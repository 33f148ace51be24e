package io.thumbler.source;

import java.time.Duration;

/** A point in time a download must finish by, measured on the monotonic clock. */
final class Deadline {

    private final long endNanos;
    private final Duration budget;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    static Deadline after(Duration budget) {
        return new Deadline(budget);
    }

    /** The whole budget this deadline was given, for messages. */
    Duration budget() {
        return budget;
    }

    /** What is left, never negative. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** Remaining milliseconds as a socket timeout: at least 1, because 0 means "wait forever". */
    int remainingMillisForSocket() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining().toMillis()));
    }

    /** "2.5 s", for public messages. */
    String describeBudget() {
        return Seconds.describe(budget);
    }
}
