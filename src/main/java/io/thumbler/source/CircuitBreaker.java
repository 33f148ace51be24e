package io.thumbler.source;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Stops calling an origin that keeps failing, so requests fail at once with 503 instead of each
 * waiting out its deadline, and the origin gets room to recover.
 *
 * <p>Closed: calls pass; {@code threshold} consecutive failures open it. Open: calls are refused
 * for {@code openFor}. Half-open: one trial call passes (the others are still refused); its success
 * closes the breaker, its failure opens it again.
 *
 * <p>Hand-written rather than MicroProfile Fault Tolerance's {@code @CircuitBreaker}: the sources
 * are plain objects built from configuration (interceptors only work on CDI beans), they run in
 * unit tests without a container, and "consecutive failures" is easier to reason about at the edge
 * than a rolling failure ratio. Thread-safe; the clock is a seam for tests.
 */
final class CircuitBreaker {

    private enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration openFor;
    private final LongSupplier nanoClock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    CircuitBreaker(int threshold, Duration openFor) {
        this(threshold, openFor, System::nanoTime);
    }

    CircuitBreaker(int threshold, Duration openFor, LongSupplier nanoClock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1, not " + threshold);
        }
        this.threshold = threshold;
        this.openFor = openFor;
        this.nanoClock = nanoClock;
    }

    /** True when the call may go ahead; the caller must then report its outcome exactly once. */
    synchronized boolean tryAcquire() {
        if (state == State.OPEN && nanoClock.getAsLong() - openedAt >= openFor.toNanos()) {
            state = State.HALF_OPEN;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    synchronized void onFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= threshold) {
            state = State.OPEN;
            openedAt = nanoClock.getAsLong();
        }
        trialInFlight = false;
    }

    /** How long until a trial call may pass; zero when calls pass now. */
    synchronized Duration retryAfter() {
        if (state != State.OPEN) {
            return Duration.ZERO;
        }
        long left = openFor.toNanos() - (nanoClock.getAsLong() - openedAt);
        return Duration.ofNanos(Math.max(0, left));
    }

    /**
     * {@code closed} (calls pass), {@code open} (calls are refused without reaching the origin) or
     * {@code half-open} (the open time is over: the next call is a trial); for operators.
     */
    synchronized String state() {
        if (state == State.OPEN && nanoClock.getAsLong() - openedAt >= openFor.toNanos()) {
            return "half-open";
        }
        return switch (state) {
            case CLOSED -> "closed";
            case OPEN -> "open";
            case HALF_OPEN -> "half-open";
        };
    }

    synchronized boolean isOpen() {
        return state != State.CLOSED;
    }
}
