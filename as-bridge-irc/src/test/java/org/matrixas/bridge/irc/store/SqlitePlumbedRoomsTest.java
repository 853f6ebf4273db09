package org.matrixas.bridge.irc.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

class SqlitePlumbedRoomsTest {
    private static final UserId ALICE = UserId.parse("@alice:hs.org");
    private static final ChannelRef CHAN = new ChannelRef("irc.example.org", "#Chan");
    private static final RoomId ONE = RoomId.parse("!one:hs.org");
    private static final RoomId TWO = RoomId.parse("!two:hs.org");

    @TempDir
    Path dir;

    @Test
    void putLookUpRemove_channelMatchesCaseInsensitively_survivesReopen() {
        PlumbedRoom one = new PlumbedRoom(CHAN, ONE, ALICE);
        PlumbedRoom two = new PlumbedRoom(new ChannelRef("irc.example.org", "#chan"), TWO, ALICE);
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            SqlitePlumbedRooms rooms = new SqlitePlumbedRooms(s, Clock.systemUTC());
            rooms.putPlumbed(one);
            rooms.putPlumbed(two);
            assertEquals(Optional.of(one), rooms.plumbedRoom(ONE));
            assertEquals(List.of(one, two), rooms.plumbedRooms(new ChannelRef("irc.example.org", "#CHAN")));
            assertEquals(List.of(), rooms.plumbedRooms(new ChannelRef("other.net", "#chan")));
        }
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            SqlitePlumbedRooms rooms = new SqlitePlumbedRooms(s, Clock.systemUTC());
            assertEquals(List.of(one, two), rooms.allPlumbed(), "read back in plumbing order");
            assertTrue(rooms.removePlumbed(ONE));
            assertFalse(rooms.removePlumbed(ONE));
            assertEquals(Optional.empty(), rooms.plumbedRoom(ONE));
        }
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            assertEquals(List.of(two), new SqlitePlumbedRooms(s, Clock.systemUTC()).allPlumbed(), "removal is stored");
        }
    }
}
