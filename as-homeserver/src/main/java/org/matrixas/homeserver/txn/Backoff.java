package org.matrixas.homeserver.txn;

import java.time.Duration;

/** Exponential back-off between failed pushes: min, 2·min, 4·min ... capped at max (Synapse: 2 s to 512 s). */
record Backoff(Duration min, Duration max) {

    /** The delay after {@code failures} consecutive failures (1 or more). */
    Duration delay(int failures) {
        int shift = Math.min(Math.max(failures - 1, 0), 30);
        long millis = min.toMillis() << shift;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
