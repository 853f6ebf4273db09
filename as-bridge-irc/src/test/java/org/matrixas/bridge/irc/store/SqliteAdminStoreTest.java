package org.matrixas.bridge.irc.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

class SqliteAdminStoreTest {
    private static final UserId ALICE = UserId.parse("@alice:hs.org");
    private static final UserId BOB = UserId.parse("@bob:hs.org");
    private static final String NET = "irc.example.org";

    @TempDir
    Path dir;

    @Test
    void adminRooms_putReadRemove_survivesReopen() {
        AdminRoom first = new AdminRoom(RoomId.parse("!a1:hs.org"), ALICE);
        AdminRoom second = new AdminRoom(RoomId.parse("!a2:hs.org"), ALICE);
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            SqliteAdminStore admin = admin(s, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
            admin.putAdminRoom(first);
            admin.putAdminRoom(second);
            assertEquals(Optional.of(first), admin.adminRoom(first.room()));
            assertEquals(Optional.of(second), admin.adminRoomOf(ALICE), "the newest one, even at the same millis");
            assertEquals(Optional.empty(), admin.adminRoomOf(BOB));
        }
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            SqliteAdminStore admin = admin(s, Clock.systemUTC());
            assertEquals(Optional.of(second), admin.adminRoomOf(ALICE));
            admin.removeAdminRoom(second.room());
            assertEquals(Optional.of(first), admin.adminRoomOf(ALICE));
        }
    }

    @Test
    void passwords_putReadReplaceRemove_perNetworkAndUser() {
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            SqliteAdminStore admin = admin(s, Clock.systemUTC());
            admin.putPassword(NET, ALICE, "first");
            admin.putPassword(NET, ALICE, "second");
            admin.putPassword("other.net", ALICE, "elsewhere");
            assertEquals(Optional.of("second"), admin.password(NET, ALICE));
            assertEquals(Optional.of("elsewhere"), admin.password("other.net", ALICE));
            assertEquals(Optional.empty(), admin.password(NET, BOB));
            assertTrue(admin.removePassword(NET, ALICE));
            assertFalse(admin.removePassword(NET, ALICE));
            assertEquals(Optional.empty(), admin.password(NET, ALICE));
        }
    }

    @Test
    void passwords_neverInTheDatabaseFiles_andReadableAfterReopen() throws IOException {
        String secret = "Plaintext-Password-42";
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            admin(s, Clock.systemUTC()).putPassword(NET, ALICE, secret);
            assertFalse(anyFileContains(secret), "not in bridge.db nor its WAL while open");
        }
        assertFalse(anyFileContains(secret), "not in bridge.db after close");
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            assertEquals(Optional.of(secret), admin(s, Clock.systemUTC()).password(NET, ALICE));
        }
    }

    @Test
    void userNames_putReadReplace_perNetworkAndUser_survivesReopen() {
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            SqliteAdminStore admin = admin(s, Clock.systemUTC());
            assertEquals(Optional.empty(), admin.userName(NET, ALICE));
            admin.putUserName(NET, ALICE, "first");
            admin.putUserName(NET, ALICE, "alice");
            admin.putUserName("other.net", ALICE, "elsewhere");
            assertEquals(Optional.of("alice"), admin.userName(NET, ALICE));
            assertEquals(Optional.empty(), admin.userName(NET, BOB));
        }
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            SqliteAdminStore admin = admin(s, Clock.systemUTC());
            assertEquals(Optional.of("alice"), admin.userName(NET, ALICE));
            assertEquals(Optional.of("elsewhere"), admin.userName("other.net", ALICE));
        }
    }

    private SqliteAdminStore admin(SqliteStore s, Clock clock) {
        return new SqliteAdminStore(s, new PasswordVault(dir), clock);
    }

    private boolean anyFileContains(String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(f), needle) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
