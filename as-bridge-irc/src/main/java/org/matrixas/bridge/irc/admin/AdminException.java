package org.matrixas.bridge.irc.admin;

/** A command could not be done; the message is what the user is told, so it names the fix. */
final class AdminException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AdminException(String message) {
        super(message);
    }
}
