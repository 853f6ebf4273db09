package org.matrixas.bridge.irc.irc;

/** A new puppet was refused: the network already has {@code irc.max_puppets} puppet connections. */
public final class PuppetLimitException extends IrcException {
    private static final long serialVersionUID = 1L;

    public PuppetLimitException(String message) {
        super(message);
    }
}
