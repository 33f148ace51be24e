package io.thumbler.config;

/** A configuration value that Thumbler cannot start with; the message names the key. */
public final class InvalidConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String message) {
        super(message);
    }
}
