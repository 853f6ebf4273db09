package org.matrixas.bridge.irc.admin;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for an IRC answer on behalf of a command; a failure becomes the message the user is told. */
final class Waits {
    private Waits() {
    }

    /**
     * The result of {@code f} within {@code timeout}; otherwise an {@link AdminException} saying {@code what}
     * failed and why. A timed-out future is cancelled, which removes its listener from the connection.
     */
    static <T> T await(CompletableFuture<T> f, Duration timeout, String what) {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(false);
            throw new AdminException(what + " failed: no answer from the IRC server within " + timeout.toSeconds()
                    + " s.");
        } catch (ExecutionException e) {
            throw new AdminException(what + " failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminException(what + " was interrupted.");
        }
    }
}
