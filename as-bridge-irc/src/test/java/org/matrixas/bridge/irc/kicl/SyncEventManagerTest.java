package org.matrixas.bridge.irc.kicl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.engio.mbassy.listener.Handler;
import org.junit.jupiter.api.Test;

class SyncEventManagerTest {
    public static final class Listener {
        final List<String> calls = new ArrayList<>();

        @Handler(priority = 1)
        public void onAny(Object e) {
            calls.add("any:" + e);
        }

        @Handler(priority = 5)
        public void onString(String e) {
            calls.add("string:" + e);
        }

        @Handler
        public void failing(Integer e) {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void callEvent_handlersOfMatchingTypes_calledOnCallerThreadByPriority() {
        SyncEventManager events = new SyncEventManager("test");
        Listener l = new Listener();
        events.registerEventListener(l);
        events.callEvent("x");
        assertEquals(List.of("string:x", "any:x"), l.calls);
    }

    @Test
    void callEvent_aHandlerThrows_othersStillRun() {
        SyncEventManager events = new SyncEventManager("test");
        Listener l = new Listener();
        events.registerEventListener(l);
        events.callEvent(7);
        assertEquals(List.of("any:7"), l.calls);
    }

    @Test
    void unregisterEventListener_noMoreCalls() {
        SyncEventManager events = new SyncEventManager("test");
        Listener l = new Listener();
        events.registerEventListener(l);
        events.unregisterEventListener(l);
        events.callEvent("x");
        assertEquals(List.of(), l.calls);
    }
}
