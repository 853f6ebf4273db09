package org.matrixas.protocol.registration;

/** A registration with a missing or invalid key; the message names the key (and the file, when read from one). */
public final class InvalidRegistrationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public InvalidRegistrationException(String key, String problem) {
        super("'" + key + "' " + problem);
        this.key = key;
    }

    InvalidRegistrationException(String file, String key, String problem, Throwable cause) {
        super(file + ": " + (key == null ? "" : "'" + key + "' ") + problem, cause);
        this.key = key;
    }

    /** The registration key at fault, or {@code null} when the file as a whole is unreadable. */
    public String key() {
        return key;
    }
}
