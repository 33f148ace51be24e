package io.thumbler.render;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;

/** Every render slot is busy and the queue is full or the wait ran out: 503 with Retry-After. */
public final class RenderOverloadedException extends ThumblerException {

    private static final long serialVersionUID = 1L;

    public RenderOverloadedException(String publicMessage, int retryAfterSeconds) {
        super(ErrorKind.OVERLOADED, publicMessage, null, null, retryAfterSeconds);
    }
}
