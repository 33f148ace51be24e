package io.thumbler.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;

/**
 * Remembers, for a short time, the variants whose render failed because the original itself is bad
 * (422: ImageMagick refused it, or its header broke a limit) or the URL asks for what it cannot have. Within {@code THUMBLER_FAILURE_TTL} the
 * same variant answers the same error at once instead of fetching and rendering again, so 1 000
 * requests for one bomb cost one render, not 1 000. Nothing else is remembered: a killed or crashed
 * process, a full disk, a deadline passed on a busy machine or overload (5xx) say nothing certain
 * about the image, so the next request renders afresh (and those answers are {@code no-store}).
 *
 * <p>Bounded (oldest entries go first) and in memory only: a restart forgets, which is harmless.
 */
public final class RecentRenderFailures {

    static final int MAX_ENTRIES = 10_000;

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Failure> failures = new LinkedHashMap<>(256, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failure> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    private record Failure(ErrorKind kind, String publicMessage, Instant until) {
    }

    public RecentRenderFailures(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Throws the failure remembered for {@code key}, if it has not expired. */
    public void replay(String key) {
        Failure f;
        synchronized (failures) {
            f = failures.get(key);
            if (f != null && !clock.instant().isBefore(f.until())) {
                failures.remove(key);
                f = null;
            }
        }
        if (f != null) {
            throw new ThumblerException(f.kind(), f.publicMessage(), "remembered failure of this variant (THUMBLER_FAILURE_TTL)", null);
        }
    }

    /**
     * Remembers {@code failure} for {@code key} when it describes the variant itself
     * ({@link ErrorKind#repeatsForUrl()}), not the server's state at that moment.
     */
    public void remember(String key, ThumblerException failure) {
        if (ttl.isZero() || !failure.kind().repeatsForUrl()) {
            return;
        }
        synchronized (failures) {
            failures.put(key, new Failure(failure.kind(), failure.publicMessage(), clock.instant().plus(ttl)));
        }
    }

    public int size() {
        synchronized (failures) {
            return failures.size();
        }
    }
}
