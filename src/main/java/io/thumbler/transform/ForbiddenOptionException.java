package io.thumbler.transform;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;

/**
 * A valid option the server does not let URLs use: the security options while
 * {@code THUMBLER_ALLOW_SECURITY_OPTIONS} is off. 403, as imgproxy answers
 * ("Security processing options are not allowed").
 */
public final class ForbiddenOptionException extends ThumblerException {

    private static final long serialVersionUID = 1L;

    ForbiddenOptionException(OptionName option, String reason) {
        super(ErrorKind.FORBIDDEN, "option " + option.describe() + ": " + reason);
    }
}
