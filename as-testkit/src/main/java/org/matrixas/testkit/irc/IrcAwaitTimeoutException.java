package org.matrixas.testkit.irc;

import java.util.concurrent.TimeoutException;

/**
 * Thrown when an {@link IrcTestClient} wait passes its deadline. Unchecked so tests need no throws
 * clauses; the message lists what was awaited and the last lines received, which is usually all that is
 * needed to see why a test hung.
 */
public final class IrcAwaitTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IrcAwaitTimeoutException(String message) {
        super(message, new TimeoutException(message));
    }
}
