package org.matrixas.homeserver.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void open_fresh_schemaAtCurrentVersionInWalMode() {
        try (Database db = Database.open(dir)) {
            assertEquals(Schema.VERSION, (int) db.read(Schema::version));
            assertEquals("wal", db.read(c -> Sql.one(c, "PRAGMA journal_mode", rs -> rs.getString(1)).orElseThrow()));
        }
    }

    @Test
    void reopen_existingFile_keepsRows() {
        try (Database db = Database.open(dir)) {
            db.write(c -> Sql.update(c, "INSERT INTO rooms(room_id, creator, created_ts) VALUES ('!a:x', '@u:x', 1)"));
        }
        try (Database db = Database.open(dir)) {
            assertEquals(1L, (long) db.read(c -> Sql.longValue(c, "SELECT COUNT(*) FROM rooms", 0)));
            assertEquals(Schema.VERSION, (int) db.read(Schema::version));
        }
    }

    @Test
    void write_throws_rolledBack() {
        try (Database db = Database.open(dir)) {
            assertThrows(IllegalStateException.class, () -> db.write(c -> {
                Sql.update(c, "INSERT INTO rooms(room_id, creator, created_ts) VALUES ('!a:x', '@u:x', 1)");
                throw new IllegalStateException("boom");
            }));
            assertEquals(0L, (long) db.read(c -> Sql.longValue(c, "SELECT COUNT(*) FROM rooms", 0)));
        }
    }

    @Test
    void write_nestedWriteAndRead_joinOuterTransaction() {
        try (Database db = Database.open(dir)) {
            long seen = db.write(c -> {
                db.write(inner -> Sql.update(inner, "INSERT INTO rooms(room_id, creator, created_ts) VALUES ('!a:x','@u:x',1)"));
                return db.read(r -> Sql.longValue(r, "SELECT COUNT(*) FROM rooms", 0));
            });
            assertEquals(1L, seen);
        }
    }

    @Test
    void events_orderingNeverReused_afterDelete() {
        try (Database db = Database.open(dir)) {
            String insert = "INSERT INTO events(event_id, room_id, type, sender, origin_server_ts, json)"
                    + " VALUES (?, '!r:x', 't', '@u:x', 0, '{}')";
            long first = db.write(c -> Sql.insert(c, insert, "$1"));
            db.write(c -> Sql.update(c, "DELETE FROM events"));
            long second = db.write(c -> Sql.insert(c, insert, "$2"));
            assertEquals(first + 1, second);
        }
    }
}
