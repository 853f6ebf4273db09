package org.matrixas.bridge.irc.irc;

/** An IRC connection failed to do something in time (register, join) or was closed meanwhile. */
public class IrcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IrcException(String message) {
        super(message);
    }
}
