package io.thumbler.render;

/**
 * What became of one request for a render slot, fired as a CDI event by {@link RenderSlots} so that
 * the operations views (JMX, metrics) can count and time renders without the pool knowing them.
 *
 * @param kind        how it ended
 * @param queueNanos  how long it waited for a slot
 * @param renderNanos how long it held the slot (0 when it never got one)
 */
public record RenderOutcome(Kind kind, long queueNanos, long renderNanos) {

    /** How a request for a render slot ended. */
    public enum Kind {
        /** Rendered and verified. */
        COMPLETED,
        /** Got a slot, but ImageMagick failed or its output did not verify. */
        FAILED,
        /** Got a slot, and ImageMagick overran its deadline and was killed. */
        TIMED_OUT,
        /** Never got a slot: queue full, wait too long, or shutting down (503). */
        REJECTED
    }
}
