package org.matrixas.homeserver.config;

/**
 * A configuration that cannot be used. The message names the file (when there is one), the key and what was
 * expected, so it can be shown to an operator as is.
 */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
