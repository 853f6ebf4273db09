package org.matrixas.homeserver.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * The delivery state of one application service when {@code /metrics} is scraped.
 *
 * @param id                  the service's registration id (the {@code appservice} label)
 * @param up                  false after a failed push until the next success
 * @param consecutiveFailures failed pushes since the last success
 * @param retryDelay          the back-off before the next attempt (zero while up)
 * @param queueEvents         events waiting: those of the pending transaction plus every stream event after the
 *                            service's cursor (an upper bound: some of those will not interest it)
 * @param behindFor           how long since the service was last caught up (zero when it is): an upper bound on
 *                            the age of its oldest undelivered event
 */
public record ServiceGauges(String id, boolean up, int consecutiveFailures, Duration retryDelay, long queueEvents,
        Duration behindFor) {
    public ServiceGauges {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(retryDelay, "retryDelay is null");
        Objects.requireNonNull(behindFor, "behindFor is null");
    }
}
