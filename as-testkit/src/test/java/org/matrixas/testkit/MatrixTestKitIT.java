package org.matrixas.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.appservice.AppService;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;

/** The kit as another developer would use it: their own service on as-protocol, with faults on demand. */
@MatrixTest
class MatrixTestKitIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Namespaces ECHO_NS = new Namespaces(List.of(Namespace.exclusive("@echo.*:localhost")),
            List.of(Namespace.exclusive("#echo.*:localhost")), List.of());

    /** Creates rooms for its aliases and echoes every human message back, as its bot. */
    private static final class Echo implements AppService {
        final List<String> txnIds = new CopyOnWriteArrayList<>();
        final List<ClientEvent> messages = new CopyOnWriteArrayList<>();
        volatile TestAppService self;

        @Override
        public void onTransaction(String txnId, Transaction txn) {
            txnIds.add(txnId);
            for (ClientEvent e : txn.events()) {
                if (e.type().equals("m.room.message") && !e.sender().localpart().startsWith("echo")) {
                    messages.add(e);
                    self.client().sendText(e.roomId(), "echo: " + e.contentString("body").orElse(""));
                }
            }
        }

        @Override
        public boolean onAliasQuery(RoomAlias alias) {
            self.client().createRoom(CreateRoomRequest.named(alias.localpart()).withAliasName(alias.localpart())
                    .withPreset("public_chat"));
            return true;
        }
    }

    private static Echo startEcho(TestHomeserver hs) {
        Echo echo = new Echo();
        echo.self = hs.startAppService("echo", ECHO_NS, echo);
        return echo;
    }

    @Test
    void matrixClient_moreEventsThanOneSyncHolds_eventsHasEveryOneInOrder(TestHomeserver hs) {
        MatrixClient alice = hs.registerUser("alice");
        MatrixClient bob = hs.registerUser("bob");
        RoomId room = alice.api().createRoom(CreateRoomRequest.named("Busy").withPreset("public_chat"));
        bob.join(room.toString());
        alice.sendText(room, "first");
        bob.awaitText(room, "first", WAIT);
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < 45; i++) { // more than twice the server's 20 timeline events per sync answer
            burst.add("burst " + i);
            alice.sendText(room, "burst " + i);
        }
        bob.awaitText(room, "burst 44", WAIT);
        List<String> seen = bob.events(room).stream().filter(e -> "m.room.message".equals(e.type()))
                .map(e -> e.contentString("body").orElse("")).toList();
        List<String> expected = new ArrayList<>(List.of("first"));
        expected.addAll(burst);
        assertEquals(expected, seen, "a limited sync's gap is filled from /messages, nothing twice");
    }

    @Test
    void startAppService_aliasJoinAndMessage_serviceCreatesRoomAndEchoes(TestHomeserver hs) {
        startEcho(hs);
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join("#echo-lobby:localhost");
        alice.sendText(room, "ping");
        ClientEvent echoed = alice.awaitText(room, "echo: ping", WAIT);
        assertEquals("echo", echoed.sender().localpart());
    }

    @Test
    void faults_failThenDrop_sameTransactionRetriedUntilDelivered(TestHomeserver hs) {
        Echo echo = startEcho(hs);
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join("#echo-faults:localhost");
        Await.until("the service to see Alice join", () -> !echo.txnIds.isEmpty(), WAIT);
        int before = echo.self.faults().requests();
        echo.self.faults().failNext(2, 500).dropNext(1);
        alice.sendText(room, "survive this");
        alice.awaitText(room, "echo: survive this", WAIT);
        assertEquals(1, echo.messages.stream().filter(e -> e.contentString("body").orElse("").equals("survive this")).count());
        assertTrue(echo.self.faults().requests() - before >= 4, "two failures and a drop, then a delivery");
        assertEquals(echo.txnIds.size(), echo.txnIds.stream().distinct().count(), "each transaction processed once");
    }

    @Test
    void faults_stall_queryStillAnswers(TestHomeserver hs) {
        Echo echo = startEcho(hs);
        echo.self.faults().stallNext(1, Duration.ofMillis(500));
        MatrixClient bob = hs.registerUser("bob");
        RoomId room = bob.join("#echo-slow:localhost");
        assertTrue(room.toString().startsWith("!"));
    }

    @Test
    void restart_sameStore_usersRoomsAndServiceSurvive(TestHomeserver hs) {
        startEcho(hs);
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join("#echo-persist:localhost");
        hs.restart();
        alice.sendText(room, "after restart");
        alice.awaitText(room, "echo: after restart", WAIT);
        assertEquals(List.of(room), alice.api().joinedRooms());
    }
}
