package org.matrixas.bridge.irc.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.matrixas.bridge.irc.testing.Await;

class ReconnectsTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void schedule_moreThanTheCap_restWaitUntilASlotIsReleased() {
        Reconnects reconnects = new Reconnects(scheduler, 2);
        List<Integer> started = new CopyOnWriteArrayList<>();
        List<Reconnects.Slot> slots = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            int id = i;
            slots.add(reconnects.schedule(Duration.ZERO, () -> started.add(id)));
        }
        Await.until(Duration.ofSeconds(10), () -> started.size() == 2, () -> "two attempts started: " + started);
        assertEquals(2, reconnects.active());
        slots.get(started.get(0)).release();
        Await.until(Duration.ofSeconds(10), () -> started.size() == 3, () -> "a third after a release: " + started);
        assertEquals(2, reconnects.active());
        slots.forEach(Reconnects.Slot::release);
        Await.until(Duration.ofSeconds(10), () -> reconnects.active() == 0, () -> "all released");
    }
}
