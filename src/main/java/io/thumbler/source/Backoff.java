package io.thumbler.source;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pauses between retries: exponential (100 ms, 200 ms, 400 ms, at most 2 s) with jitter between
 * half and all of that, so instances that failed together do not retry together.
 */
final class Backoff {

    private static final long BASE_MILLIS = 100;
    private static final long CAP_MILLIS = 2000;

    private Backoff() {
    }

    static Duration pause(int attempt) {
        long ceiling = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(attempt, 10));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }
}
