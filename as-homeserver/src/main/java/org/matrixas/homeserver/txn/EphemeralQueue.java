package org.matrixas.homeserver.txn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The ephemeral events (typing, receipts, presence) waiting for one service, in memory only: they are not worth a
 * disk write, and a typing notice from before a crash means nothing after it. Once drained into a transaction
 * they are stored with it and retried like room events. Bounded: when a service stays down, the oldest go first.
 */
final class EphemeralQueue {
    static final int CAPACITY = 1_000;
    private final Deque<ObjectNode> queue = new ArrayDeque<>();
    private long dropped;

    synchronized void add(ObjectNode event) {
        if (queue.size() >= CAPACITY) {
            queue.removeFirst();
            dropped++;
        }
        queue.addLast(event);
    }

    /** Removes and returns up to {@code max} events, oldest first. */
    synchronized List<ObjectNode> drain(int max) {
        List<ObjectNode> out = new ArrayList<>(Math.min(max, queue.size()));
        while (out.size() < max && !queue.isEmpty()) {
            out.add(queue.removeFirst());
        }
        return out;
    }

    synchronized boolean isEmpty() {
        return queue.isEmpty();
    }

    /** How many events were dropped because the queue was full. */
    synchronized long dropped() {
        return dropped;
    }
}
