package io.thumbler.error;

/**
 * A request that cannot be answered, with the HTTP status it maps to and a message that is safe to
 * return to the client.
 *
 * <p>The public message names the bad input ("option 'width': 'abc' is not a whole number") and
 * never carries paths, stack traces or stderr of ImageMagick; those go in {@link #internalDetail()}.
 */
public class ThumblerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String internalDetail;
    private final int retryAfterSeconds;

    public ThumblerException(int status, String publicMessage) {
        this(status, publicMessage, null, null);
    }

    public ThumblerException(int status, String publicMessage, String internalDetail, Throwable cause) {
        this(status, publicMessage, internalDetail, cause, 0);
    }

    /**
     * @param retryAfterSeconds for 503: when the client may try again ({@code Retry-After}); 0 for none
     */
    public ThumblerException(int status, String publicMessage, String internalDetail, Throwable cause, int retryAfterSeconds) {
        super(publicMessage, cause);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error status must be 4xx or 5xx, not " + status);
        }
        this.status = status;
        this.internalDetail = internalDetail;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The HTTP status code of the response. */
    public int status() {
        return status;
    }

    /** The message for the client; it names the bad part of the request. */
    public String publicMessage() {
        return getMessage();
    }

    /** What the operator needs to know and the client must not see; may be {@code null}. */
    public String internalDetail() {
        return internalDetail;
    }

    /** Seconds after which a retry may succeed (503 only), or 0. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ThumblerException badRequest(String publicMessage) {
        return new ThumblerException(400, publicMessage);
    }

    public static ThumblerException forbidden(String publicMessage) {
        return new ThumblerException(403, publicMessage);
    }

    public static ThumblerException notFound(String publicMessage) {
        return new ThumblerException(404, publicMessage);
    }

    public static ThumblerException unprocessable(String publicMessage) {
        return new ThumblerException(422, publicMessage);
    }
}
