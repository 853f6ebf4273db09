package org.matrixas.homeserver.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.matrixas.protocol.json.Json;

class EphemeralQueueTest {
    @Test
    void add_beyondCapacity_oldestDroppedAndCounted() {
        EphemeralQueue q = new EphemeralQueue();
        for (int i = 0; i < EphemeralQueue.CAPACITY + 5; i++) {
            q.add(Json.object().put("n", i));
        }
        assertEquals(5, q.dropped());
        assertEquals(5, q.drain(1).get(0).path("n").asInt());
    }

    @Test
    void drain_max_oldestFirstAndRestKept() {
        EphemeralQueue q = new EphemeralQueue();
        for (int i = 0; i < 3; i++) {
            q.add(Json.object().put("n", i));
        }
        assertEquals(2, q.drain(2).size());
        assertEquals(2, q.drain(10).get(0).path("n").asInt());
        assertTrue(q.isEmpty());
    }
}
