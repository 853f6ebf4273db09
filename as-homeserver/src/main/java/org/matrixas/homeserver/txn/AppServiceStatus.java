package org.matrixas.homeserver.txn;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether pushes to one service are succeeding: a snapshot for logs, tests and a future {@code /metrics}.
 *
 * @param up                  false after a failed push until the next success
 * @param since               when {@code up} last changed
 * @param consecutiveFailures failed pushes since the last success
 * @param retryDelay          the back-off before the next attempt (zero while up)
 * @param lastDeliveredTxnId  the last txnId the service acknowledged, or null
 */
public record AppServiceStatus(String id, boolean up, Instant since, int consecutiveFailures, Duration retryDelay,
        String lastDeliveredTxnId) {
}
