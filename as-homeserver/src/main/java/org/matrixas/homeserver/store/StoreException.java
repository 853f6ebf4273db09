package org.matrixas.homeserver.store;

/** The database failed (I/O, corruption, a bug in a statement); callers answer 500 and log it. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
