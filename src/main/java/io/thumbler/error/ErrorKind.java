package io.thumbler.error;

/**
 * What went wrong, as the code decides on it: each kind carries its HTTP status, whether it will
 * repeat (and so may be remembered and cached), and the {@code Retry-After} a client gets.
 * Branch on the kind, never on a status number: a 504 is a slow origin or a slow render, a 422
 * a bad original or a limit the URL itself set, and each is handled differently.
 */
public enum ErrorKind {
    /** The URL or request is malformed: an unknown option, a bad value, a bad source address. */
    BAD_REQUEST(400, Repeats.FOR_URL, 0),
    /** An admin endpoint without its bearer token. */
    UNAUTHORIZED(401, Repeats.NO, 0),
    /** A bad signature, a missing origin secret, a forbidden option. */
    FORBIDDEN(403, Repeats.NO, 0),
    /** The original is missing or not allowed, the URL expired, or the route does not exist. */
    NOT_FOUND(404, Repeats.NO, 0),
    /** A request body over its limit (the playground's signing endpoint). */
    BODY_TOO_LARGE(413, Repeats.NO, 0),
    /**
     * The original itself cannot be used: not an image Thumbler reads, beyond the server's size,
     * resolution or frame limits, or refused by ImageMagick. Every variant of it fails the same way.
     */
    BAD_ORIGINAL(422, Repeats.FOR_SOURCE, 0),
    /** A limit the URL sets (security options, an ICO result over 256 px): other URLs of the same original may work. */
    REFUSED_FOR_URL(422, Repeats.FOR_URL, 0),
    /** ImageMagick could not start, crashed, was killed, or wrote no or the wrong image. */
    RENDER_FAILED(500, Repeats.NO, 0),
    /** A step that should not fail failed here (a local original could not be read). */
    INTERNAL(500, Repeats.NO, 0),
    /** The origin (S3, HTTPS) failed or answered something unusable. */
    ORIGIN_FAILED(502, Repeats.NO, 0),
    /** The origin is not being called for a while (the S3 circuit is open). */
    ORIGIN_UNAVAILABLE(503, Repeats.NO, 1),
    /** Every render slot and queue place, the bytes in flight, or a coalesced wait is taken. */
    OVERLOADED(503, Repeats.NO, 2),
    /** The render's temporary directory is full or not writable. */
    NO_TEMP_SPACE(503, Repeats.NO, 5),
    /** The application is stopping. */
    SHUTTING_DOWN(503, Repeats.NO, 1),
    /** The original did not arrive within the download timeout. */
    ORIGIN_TIMEOUT(504, Repeats.NO, 0),
    /** The render (all its passes) did not finish within the render timeout. */
    RENDER_TIMEOUT(504, Repeats.NO, 0);

    /** Whether the same request would fail the same way, and for what. */
    public enum Repeats {
        /** A transient or per-request failure: never remembered. */
        NO,
        /** The same URL fails again; other URLs of its source may not. */
        FOR_URL,
        /** Every URL of the source fails again until the original changes. */
        FOR_SOURCE
    }

    private final int status;
    private final Repeats repeats;
    private final int retryAfterSeconds;

    ErrorKind(int status, Repeats repeats, int retryAfterSeconds) {
        this.status = status;
        this.repeats = repeats;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    /** Whether an answer with this failure may be remembered for the URL (and cached by a CDN). */
    public boolean repeatsForUrl() {
        return repeats != Repeats.NO;
    }

    /** Whether every URL of the same original would fail this way. */
    public boolean repeatsForSource() {
        return repeats == Repeats.FOR_SOURCE;
    }

    /** A failure on the server's or the origin's side, which may pass (5xx). */
    public boolean transientFailure() {
        return status >= 500;
    }

    /** The origin misbehaved (failed or was too slow), as opposed to answering "no such original". */
    public boolean originFault() {
        return this == ORIGIN_FAILED || this == ORIGIN_TIMEOUT;
    }

    /** The default {@code Retry-After} for this kind; 0 for none. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
