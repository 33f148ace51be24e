package io.thumbler.transform;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;

/** A processing option the URL got wrong: unknown name, wrong number of arguments, or a bad value. 400. */
public final class InvalidOptionException extends ThumblerException {

    private static final long serialVersionUID = 1L;

    public InvalidOptionException(String publicMessage) {
        super(ErrorKind.BAD_REQUEST, publicMessage);
    }

    /** "option 'width' (w): 'abc' is not a whole number". */
    static InvalidOptionException of(OptionName option, String problem) {
        return new InvalidOptionException("option " + option.describe() + ": " + problem);
    }
}
