package io.thumbler.error;

/**
 * A request that cannot be answered: its {@link ErrorKind} (which decides the HTTP status, whether
 * it is remembered, and {@code Retry-After}) and a message that is safe to return to the client.
 *
 * <p>The public message names the bad input ("option 'width': 'abc' is not a whole number") and
 * never carries paths, stack traces or stderr of ImageMagick; those go in {@link #internalDetail()}.
 */
public class ThumblerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final String internalDetail;
    private final int retryAfterSeconds;

    public ThumblerException(ErrorKind kind, String publicMessage) {
        this(kind, publicMessage, null, null);
    }

    public ThumblerException(ErrorKind kind, String publicMessage, String internalDetail, Throwable cause) {
        this(kind, publicMessage, internalDetail, cause, kind.retryAfterSeconds());
    }

    /**
     * @param retryAfterSeconds when the client may try again ({@code Retry-After}), instead of the
     *                          kind's default; 0 for none
     */
    public ThumblerException(ErrorKind kind, String publicMessage, String internalDetail, Throwable cause, int retryAfterSeconds) {
        super(publicMessage, cause);
        this.kind = kind;
        this.internalDetail = internalDetail;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ErrorKind kind() {
        return kind;
    }

    /** The HTTP status code of the response (the kind's). */
    public int status() {
        return kind.status();
    }

    /** The message for the client; it names the bad part of the request. */
    public String publicMessage() {
        return getMessage();
    }

    /** What the operator needs to know and the client must not see; may be {@code null}. */
    public String internalDetail() {
        return internalDetail;
    }

    /** Seconds after which a retry may succeed, or 0. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ThumblerException badRequest(String publicMessage) {
        return new ThumblerException(ErrorKind.BAD_REQUEST, publicMessage);
    }

    public static ThumblerException forbidden(String publicMessage) {
        return new ThumblerException(ErrorKind.FORBIDDEN, publicMessage);
    }

    public static ThumblerException notFound(String publicMessage) {
        return new ThumblerException(ErrorKind.NOT_FOUND, publicMessage);
    }

    /** The original itself cannot be used (see {@link ErrorKind#BAD_ORIGINAL}). */
    public static ThumblerException badOriginal(String publicMessage) {
        return new ThumblerException(ErrorKind.BAD_ORIGINAL, publicMessage);
    }

    /** A limit the URL itself set refuses this original (see {@link ErrorKind#REFUSED_FOR_URL}). */
    public static ThumblerException refusedForUrl(String publicMessage) {
        return new ThumblerException(ErrorKind.REFUSED_FOR_URL, publicMessage);
    }
}
