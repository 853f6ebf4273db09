package org.matrixas.homeserver.txn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.account.Accounts;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.homeserver.room.Aliases;
import org.matrixas.homeserver.room.CreateRoomSpec;
import org.matrixas.homeserver.room.EventStream;
import org.matrixas.homeserver.room.Rooms;
import org.matrixas.homeserver.store.Database;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;

class PipelineStoreTest {
    @TempDir
    Path dir;
    private Database db;
    private EventStream stream;
    private Rooms rooms;
    private PipelineStore store;
    private final RegisteredService irc = InterestIndexTest.service(new Namespaces(
            List.of(Namespace.exclusive("@irc_.*:hs")), List.of(), List.of()));
    private final UserId bob = UserId.parse("@irc_bob:hs");

    @BeforeEach
    void open() {
        db = Database.open(dir);
        stream = EventStream.fromDatabase(db);
        Accounts accounts = new Accounts(db, "hs");
        accounts.ensure(bob, "irc");
        rooms = new Rooms(db, stream, accounts);
        store = new PipelineStore(db, rooms, new Aliases(db, "hs"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private RoomId roomWithMessages(int n) {
        RoomId room = rooms.create(bob, CreateRoomSpec.named("r"));
        for (int i = 0; i < n; i++) {
            rooms.send(bob, room, "m.room.message", Json.object().put("body", "m" + i), null, "s", "t" + i);
        }
        return room;
    }

    @Test
    void buildNext_newService_startsAtHeadWithoutHistory() {
        roomWithMessages(3);
        store.init(irc.id(), stream.head(), true);
        assertTrue(store.buildNext(irc, stream.head(), new PipelineStore.Limits(100, 1 << 20)).isEmpty());
    }

    @Test
    void buildNext_limits_splitIntoTransactionsInOrderWithIncreasingIds() {
        store.init(irc.id(), stream.head(), true);
        roomWithMessages(5);
        PipelineStore.Limits limits = new PipelineStore.Limits(4, 1 << 20);
        PipelineStore.Pending first = store.buildNext(irc, stream.head(), limits).orElseThrow();
        assertEquals("1", first.txnId());
        assertEquals(4, first.events());
        assertArrayEquals(first.body(), store.pending(irc.id()).orElseThrow().body());
        store.delivered(irc.id(), first.txnId());
        PipelineStore.Pending second = store.buildNext(irc, stream.head(), limits).orElseThrow();
        assertEquals("2", second.txnId());
        Transaction t1 = Json.read(first.body(), Transaction.class);
        Transaction t2 = Json.read(second.body(), Transaction.class);
        assertTrue(t1.events().get(3).originServerTs() <= t2.events().get(0).originServerTs());
        store.delivered(irc.id(), second.txnId());
        // createRoom wrote 7 events and 5 messages followed: the third transaction holds the last 4.
        assertEquals(4, store.buildNext(irc, stream.head(), limits).orElseThrow().events());
        assertEquals(stream.head(), store.cursor(irc.id()));
    }

    @Test
    void buildNext_byteLimit_oneEventAtLeast() {
        store.init(irc.id(), stream.head(), true);
        roomWithMessages(2);
        PipelineStore.Pending p = store.buildNext(irc, stream.head(), new PipelineStore.Limits(100, 10)).orElseThrow();
        assertEquals(1, p.events());
    }

    @Test
    void init_freshAfterDrop_counterNeverDecreases() {
        store.init(irc.id(), stream.head(), true);
        roomWithMessages(1);
        store.buildNext(irc, stream.head(), new PipelineStore.Limits(100, 1 << 20)).orElseThrow();
        store.drop(irc.id());
        assertTrue(store.pending(irc.id()).isEmpty());
        store.init(irc.id(), stream.head(), true);
        RoomId room = roomWithMessages(0);
        rooms.send(bob, room, "m.room.message", Json.object(), null, "s", "again");
        assertEquals("2", store.buildNext(irc, stream.head(), new PipelineStore.Limits(100, 1 << 20)).orElseThrow()
                .txnId());
    }

    @Test
    void dropAllExcept_removedWhileStopped_comesBackAtHeadWithoutBacklog() {
        store.init(irc.id(), stream.head(), true);
        roomWithMessages(3);
        store.dropAllExcept(java.util.Set.of());
        assertTrue(store.buildNext(irc, stream.head(), new PipelineStore.Limits(100, 1 << 20)).isEmpty());
        store.init(irc.id(), stream.head(), false);
        assertEquals(stream.head(), store.cursor(irc.id()));
        assertTrue(store.buildNext(irc, stream.head(), new PipelineStore.Limits(100, 1 << 20)).isEmpty());
    }

    @Test
    void buildNext_ephemeralOnly_storedUnderBothKeysAndResentUnchanged() {
        store.init(irc.id(), stream.head(), true);
        var typing = Json.object().put("type", "m.typing");
        PipelineStore.Pending p = store.buildNext(irc, stream.head(), new PipelineStore.Limits(100, 1 << 20),
                List.of(typing), null).orElseThrow();
        var body = Json.tree(p.body());
        assertEquals(0, body.path("events").size());
        assertEquals("m.typing", body.path("ephemeral").get(0).path("type").asText());
        assertEquals("m.typing", body.path(PipelineStore.UNSTABLE_EPHEMERAL).get(0).path("type").asText());
        assertArrayEquals(p.body(), store.pending(irc.id()).orElseThrow().body());
    }

    @Test
    void buildNext_deliveredTxnId_clearsItAndStoresNextInOneWrite() {
        store.init(irc.id(), stream.head(), true);
        PipelineStore.Limits limits = new PipelineStore.Limits(2, 1 << 20);
        roomWithMessages(3);
        PipelineStore.Pending first = store.buildNext(irc, stream.head(), limits).orElseThrow();
        PipelineStore.Pending second = store.buildNext(irc, stream.head(), limits, List.of(), first.txnId())
                .orElseThrow();
        assertEquals(Long.parseLong(first.txnId()) + 1, Long.parseLong(second.txnId()));
        assertArrayEquals(second.body(), store.pending(irc.id()).orElseThrow().body());
        Transaction t1 = Json.read(first.body(), Transaction.class);
        Transaction t2 = Json.read(second.body(), Transaction.class);
        assertEquals(2, t2.events().size());
        assertTrue(t2.events().stream().noneMatch(t1.events()::contains));
        assertTrue(store.pending(irc.id()).map(PipelineStore.Pending::txnId).orElseThrow().equals(second.txnId()));
    }

    @Test
    void buildNext_otherTransactionPending_returnsItUnchanged() {
        store.init(irc.id(), stream.head(), true);
        PipelineStore.Limits limits = new PipelineStore.Limits(1, 1 << 20);
        roomWithMessages(2);
        PipelineStore.Pending pending = store.buildNext(irc, stream.head(), limits).orElseThrow();
        PipelineStore.Pending again = store.buildNext(irc, stream.head(), limits, List.of(), "not-" + pending.txnId())
                .orElseThrow();
        assertEquals(pending.txnId(), again.txnId());
        assertArrayEquals(pending.body(), again.body());
    }

    @Test
    void buildNext_events_bodyIsTheStoredJsonSpliced() {
        store.init(irc.id(), stream.head(), true);
        RoomId room = roomWithMessages(0);
        rooms.send(bob, room, "m.room.message", Json.object().put("body", "h\u00e9llo \"q\""), null, "s", "x");
        long before = stream.head();
        var stored = rooms.rawEventsAfter(0, before, 1000);
        PipelineStore.Pending p = store.buildNext(irc, before, new PipelineStore.Limits(100, 1 << 20)).orElseThrow();
        StringBuilder expected = new StringBuilder("{\"events\":[");
        for (int i = 0; i < stored.size(); i++) {
            expected.append(i > 0 ? "," : "").append(new String(stored.get(i).json(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(expected.append("]}").toString(), new String(p.body(), java.nio.charset.StandardCharsets.UTF_8));
        Transaction t = Json.read(p.body(), Transaction.class);
        assertEquals(stored.size(), t.events().size());
        assertEquals("h\u00e9llo \"q\"", t.events().get(t.events().size() - 1).content().path("body").asText());
    }
}
