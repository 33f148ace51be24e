package io.thumbler.source;

/**
 * One kind of origin. Implementations are thread-safe and enforce their own size and time limits.
 */
public interface OriginalSource {

    /** The scheme this kind serves ({@code local}, {@code s3}, {@code https}). */
    SourceUri.Scheme scheme();

    /**
     * Reads the original.
     *
     * @throws io.thumbler.error.ThumblerException 404 when it does not exist or may not be read,
     *         422 when it is too large, 502 when the origin fails or answers nonsense, 503 when the
     *         origin is known to be failing (circuit open), 504 when it is too slow
     */
    Original fetch(SourceUri uri);
}
