package org.matrixas.bridge.irc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void next_jitter_betweenHalfAndAllOfTheStep() {
        assertEquals(Duration.ofMillis(500), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), () -> 0).next());
        assertEquals(Duration.ofMillis(999),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), () -> 0.999).next());
    }

    @Test
    void next_repeated_doublesUpToTheCapThenResets() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4), () -> 0.9999);
        assertEquals(999, b.next().toMillis());
        assertEquals(1999, b.next().toMillis());
        assertEquals(3999, b.next().toMillis());
        assertEquals(3999, b.next().toMillis());
        b.reset();
        assertEquals(999, b.next().toMillis());
    }
}
