package org.matrixas.homeserver.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void delay_consecutiveFailures_doublesUpToMax() {
        Backoff b = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(512));
        assertEquals(Duration.ofSeconds(2), b.delay(1));
        assertEquals(Duration.ofSeconds(4), b.delay(2));
        assertEquals(Duration.ofSeconds(256), b.delay(8));
        assertEquals(Duration.ofSeconds(512), b.delay(9));
        assertEquals(Duration.ofSeconds(512), b.delay(10));
        assertEquals(Duration.ofSeconds(512), b.delay(1_000));
    }
}
