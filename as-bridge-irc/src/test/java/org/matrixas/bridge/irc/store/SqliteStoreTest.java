package org.matrixas.bridge.irc.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

class SqliteStoreTest {
    private static final ChannelRef CHAN = new ChannelRef("irc.example.org", "#Matrix");
    private static final RoomMapping MAPPING = new RoomMapping(CHAN, RoomId.parse("!r1:hs.org"),
            RoomAlias.parse("#irc.example.org/#Matrix:hs.org"));

    @TempDir
    Path dir;

    @Test
    void open_missingDataDir_createsIt() {
        Path data = dir.resolve("a/b");
        SqliteStore s = SqliteStore.open(data, Clock.systemUTC());
        s.close();
        assertTrue(Files.exists(data.resolve(SqliteStore.FILE_NAME)));
    }

    @Test
    void rooms_putThenRead_byChannelAnyCaseAndByRoom() {
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            s.put(MAPPING);
            assertEquals(Optional.of(MAPPING), s.byChannel(new ChannelRef("irc.example.org", "#matrix")));
            assertEquals(Optional.of(MAPPING), s.byRoom(RoomId.parse("!r1:hs.org")));
            assertEquals(Optional.empty(), s.byChannel(new ChannelRef("other.org", "#matrix")));
            assertEquals(List.of(MAPPING), s.all());
        }
    }

    @Test
    void rooms_putSameChannel_replaces() {
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            s.put(MAPPING);
            RoomMapping newer = new RoomMapping(CHAN, RoomId.parse("!r2:hs.org"), MAPPING.alias());
            s.put(newer);
            assertEquals(List.of(newer), s.all());
            assertEquals(Optional.empty(), s.byRoom(RoomId.parse("!r1:hs.org")));
        }
    }

    @Test
    void everything_survivesReopen() {
        UserId alice = UserId.parse("@alice:hs.org");
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            s.put(MAPPING);
            s.putNick("irc.example.org", alice, "alice[m]_");
            s.markProcessed("txn1");
        }
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            assertEquals(List.of(MAPPING), s.all());
            assertEquals(Optional.of("alice[m]_"), s.nick("irc.example.org", alice));
            assertEquals(Optional.empty(), s.nick("other.org", alice));
            assertTrue(s.isProcessed("txn1"));
            assertFalse(s.isProcessed("txn2"));
        }
    }

    @Test
    void caching_readsThroughAndRefreshesOnPut() {
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            CachingRoomStore cache = new CachingRoomStore(s);
            assertEquals(Optional.empty(), cache.byChannel(CHAN));
            cache.put(MAPPING);
            assertEquals(Optional.of(MAPPING), cache.byChannel(CHAN));
            RoomMapping moved = new RoomMapping(CHAN, RoomId.parse("!r9:hs.org"), MAPPING.alias());
            cache.put(moved);
            assertEquals(Optional.empty(), cache.byRoom(MAPPING.room()));
            assertEquals(Optional.of(moved), cache.byRoom(moved.room()));
        }
    }

    @Test
    void pmRooms_putThenRead_byPairAnyCaseAndByRoom_survivesReopen() {
        UserId alice = UserId.parse("@alice:hs.org");
        PmRoom pm = new PmRoom("irc.example.org", "Bob", alice, RoomId.parse("!pm:hs.org"));
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            s.putPmRoom(pm);
        }
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            assertEquals(Optional.of(pm), s.pmRoom("irc.example.org", "BOB", alice));
            assertEquals(Optional.of(pm), s.pmRoom(RoomId.parse("!pm:hs.org")));
            assertEquals(Optional.empty(), s.pmRoom("irc.example.org", "Bob", UserId.parse("@carol:hs.org")));
            PmRoom moved = new PmRoom("irc.example.org", "Bob", alice, RoomId.parse("!pm2:hs.org"));
            s.putPmRoom(moved);
            assertEquals(Optional.of(moved), s.pmRoom("irc.example.org", "bob", alice));
            assertEquals(Optional.empty(), s.pmRoom(RoomId.parse("!pm:hs.org")));
        }
    }

    @Test
    void outbox_addOncePerEvent_pendingUntilDone_survivesReopen() {
        ClientEvent first = message("$e1", "one");
        ClientEvent second = message("$e2", "two");
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            assertTrue(s.add(first));
            assertTrue(s.add(second));
            assertFalse(s.add(first), "a re-sent event is not added again");
        }
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            assertEquals(List.of(first, second), s.pending(), "what a killed bridge left, in order");
            s.done("$e1");
            assertEquals(List.of(second), s.pending());
            assertFalse(s.add(first), "a done event is not added again either");
        }
    }

    private static ClientEvent message(String eventId, String body) {
        return ClientEvent.of(EventId.parse(eventId), "m.room.message", UserId.parse("@alice:hs.org"),
                RoomId.parse("!r1:hs.org"), 1_700_000_000_000L, Json.object().put("msgtype", "m.text").put("body", body),
                null);
    }
}
