package org.matrixas.bridge.irc.store;

/** The database failed; the message says which operation. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
