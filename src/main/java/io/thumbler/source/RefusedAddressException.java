package io.thumbler.source;

import java.net.SocketException;

/**
 * Thrown at connect time when the address a host resolved to is not allowed. A
 * {@link SocketException} so that it travels through {@code HttpsURLConnection} unchanged in kind;
 * the JDK may re-create it with only the message, so the public constructor keeps that working.
 */
public final class RefusedAddressException extends SocketException {

    private static final long serialVersionUID = 1L;

    public RefusedAddressException(String message) {
        super(message);
    }
}
