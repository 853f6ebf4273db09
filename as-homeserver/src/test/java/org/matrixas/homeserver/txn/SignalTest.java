package org.matrixas.homeserver.txn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignalTest {
    private final Signal signal = new Signal();

    @Test
    void awaitWork_pokedBeforeWaiting_returnsAtOnceAndConsumesFlag() throws Exception {
        signal.work();
        long start = System.nanoTime();
        signal.awaitWork(Duration.ofSeconds(30));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "a poke before the wait is not lost");
    }

    @Test
    void awaitRetry_newWorkDuringBackoff_keepsWaitingButRetryEndsIt() throws Exception {
        signal.work();
        assertFalse(signal.awaitRetry(Duration.ofMillis(1)), "new events do not end a back-off");
        signal.retry();
        assertTrue(signal.awaitRetry(Duration.ofSeconds(30)));
    }

    @Test
    void stop_duringAnyWait_endsIt() throws Exception {
        signal.stop();
        assertFalse(signal.awaitRetry(Duration.ofSeconds(30)));
        signal.awaitWork(Duration.ofSeconds(30));
        assertTrue(signal.stopped());
    }
}
