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
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

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
}
