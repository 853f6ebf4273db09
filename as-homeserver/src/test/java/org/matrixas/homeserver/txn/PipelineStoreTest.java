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
    private final RegisteredService irc = InterestTest.service(new Namespaces(
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
                List.of(typing)).orElseThrow();
        var body = Json.tree(p.body());
        assertEquals(0, body.path("events").size());
        assertEquals("m.typing", body.path("ephemeral").get(0).path("type").asText());
        assertEquals("m.typing", body.path(PipelineStore.UNSTABLE_EPHEMERAL).get(0).path("type").asText());
        assertArrayEquals(p.body(), store.pending(irc.id()).orElseThrow().body());
    }
}
