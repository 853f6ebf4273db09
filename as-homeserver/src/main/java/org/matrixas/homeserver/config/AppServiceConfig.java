package org.matrixas.homeserver.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How the homeserver talks to application services ({@code appservice: {...}}).
 *
 * @param queryTimeout    how long one user/alias query attempt may take ({@code query_timeout_ms}, default 30 000)
 * @param queryAttempts   attempts on transport errors or 5xx before the client gets 408 ({@code query_attempts}, 3)
 * @param txnMaxEvents    events per pushed transaction ({@code txn_max_events}, 100)
 * @param txnMaxBytes     bytes per pushed transaction; one larger event still goes alone ({@code txn_max_bytes}, 1 MiB)
 * @param backoffMin      first retry delay after a failed push ({@code backoff_min_ms}, 2 000)
 * @param backoffMax      longest retry delay ({@code backoff_max_ms}, 512 000)
 */
public record AppServiceConfig(
        Duration queryTimeout, int queryAttempts, int txnMaxEvents, int txnMaxBytes, Duration backoffMin,
        Duration backoffMax) {

    public static final AppServiceConfig DEFAULT = new AppServiceConfig(Duration.ofSeconds(30), 3, 100, 1 << 20,
            Duration.ofSeconds(2), Duration.ofSeconds(512));

    public AppServiceConfig {
        Objects.requireNonNull(queryTimeout, "queryTimeout is null");
        Objects.requireNonNull(backoffMin, "backoffMin is null");
        Objects.requireNonNull(backoffMax, "backoffMax is null");
        positive(queryTimeout.toMillis(), "appservice.query_timeout_ms");
        positive(queryAttempts, "appservice.query_attempts");
        positive(txnMaxEvents, "appservice.txn_max_events");
        positive(txnMaxBytes, "appservice.txn_max_bytes");
        positive(backoffMin.toMillis(), "appservice.backoff_min_ms");
        if (backoffMax.compareTo(backoffMin) < 0) {
            throw new ConfigException("'appservice.backoff_max_ms' must be at least backoff_min_ms ("
                    + backoffMin.toMillis() + "), was " + backoffMax.toMillis());
        }
    }

    private static void positive(long value, String key) {
        if (value < 1) {
            throw new ConfigException("'" + key + "' must be a positive integer, was " + value);
        }
    }

    public AppServiceConfig withBackoff(Duration min, Duration max) {
        return new AppServiceConfig(queryTimeout, queryAttempts, txnMaxEvents, txnMaxBytes, min, max);
    }

    public AppServiceConfig withQuery(Duration timeout, int attempts) {
        return new AppServiceConfig(timeout, attempts, txnMaxEvents, txnMaxBytes, backoffMin, backoffMax);
    }

    public AppServiceConfig withTxnLimits(int maxEvents, int maxBytes) {
        return new AppServiceConfig(queryTimeout, queryAttempts, maxEvents, maxBytes, backoffMin, backoffMax);
    }
}
