package org.matrixas.bridge.irc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void close_stopsInReverseOrderPastFailures() {
        List<String> stopped = new ArrayList<>();
        Lifecycle lc = new Lifecycle();
        lc.register("a", () -> stopped.add("a"));
        lc.register("b", () -> {
            stopped.add("b");
            throw new IllegalStateException("b fails");
        });
        lc.register("c", () -> stopped.add("c"));
        lc.close();
        assertEquals(List.of("c", "b", "a"), stopped);
    }

    @Test
    void register_afterClose_closesAtOnce() {
        List<String> stopped = new ArrayList<>();
        Lifecycle lc = new Lifecycle();
        lc.close();
        lc.register("late", () -> stopped.add("late"));
        assertEquals(List.of("late"), stopped);
    }
}
