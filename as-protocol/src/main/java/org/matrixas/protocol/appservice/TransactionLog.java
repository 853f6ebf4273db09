package org.matrixas.protocol.appservice;

/**
 * Remembers which transaction IDs were processed, so that a transaction the homeserver retries (its 200 may have
 * been lost) is answered without being processed twice. Keep it in durable storage to survive restarts.
 *
 * @see <a href="https://spec.matrix.org/v1.13/application-service-api/#pushing-events">Pushing events</a>
 */
public interface TransactionLog {

    boolean isProcessed(String txnId);

    void markProcessed(String txnId);

    /** An in-memory log of the most recent {@code capacity} transaction IDs. */
    static TransactionLog inMemory(int capacity) {
        return new InMemoryTransactionLog(capacity);
    }
}
