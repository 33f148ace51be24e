package io.thumbler.source;

import java.util.Optional;

/**
 * One kind of origin. Implementations are thread-safe and enforce their own size and time limits.
 */
public interface OriginalSource {

    /** The scheme this kind serves ({@code local}, {@code s3}, {@code https}). */
    SourceUri.Scheme scheme();

    /**
     * Reads the original. Once its size is known and before its body is read, its bytes are reserved
     * in {@code inFlight}; the returned original holds that reservation until it is closed.
     *
     * @throws io.thumbler.error.ThumblerException 404 when it does not exist or may not be read,
     *         422 when it is too large, 502 when the origin fails or answers nonsense, 503 when the
     *         origin is known to be failing (circuit open) or the in-flight budget is spent, 504 when
     *         it is too slow
     */
    Original fetch(SourceUri uri, OriginalsInFlight inFlight);

    /** Reads the original outside a server, with no in-flight budget. */
    default Original fetch(SourceUri uri) {
        return fetch(uri, OriginalsInFlight.unbounded());
    }

    /** The state of this kind's circuit breaker ({@code closed}, {@code open}, {@code half-open}), if it has one. */
    default Optional<String> circuit() {
        return Optional.empty();
    }

    /**
     * Does the one-time work of the first fetch (client creation, class loading) ahead of it, at
     * startup, so that the first request's download deadline is spent on the download. Must not
     * need the origin to be reachable.
     */
    default void warmUp() {
    }
}
