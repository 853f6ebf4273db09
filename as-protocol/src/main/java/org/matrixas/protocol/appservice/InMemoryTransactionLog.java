package org.matrixas.protocol.appservice;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded LRU of transaction IDs; the homeserver only ever retries its most recent transactions. */
final class InMemoryTransactionLog implements TransactionLog {
    private final Map<String, Boolean> seen;

    InMemoryTransactionLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.seen = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized boolean isProcessed(String txnId) {
        return seen.containsKey(txnId);
    }

    @Override
    public synchronized void markProcessed(String txnId) {
        seen.put(txnId, Boolean.TRUE);
    }
}
