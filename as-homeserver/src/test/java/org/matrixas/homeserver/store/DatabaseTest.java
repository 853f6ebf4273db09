package org.matrixas.homeserver.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    @Test
    void write_queuedBehindACommit_shareOneGroupAndAFailureRollsBackOnlyItsOwn() throws Exception {
        try (Database db = Database.open(dir)) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(5);
            try {
                Future<?> first = pool.submit(() -> db.write(c -> {
                    holding.countDown();
                    await(release);
                    return Sql.update(c, "INSERT INTO rooms(room_id, creator, created_ts) VALUES ('!0:x','@u:x',1)");
                }));
                assertTrue(holding.await(10, TimeUnit.SECONDS));
                List<Future<?>> queued = new ArrayList<>();
                for (int i = 1; i <= 4; i++) {
                    String room = "!" + i + ":x";
                    boolean fails = i == 2;
                    queued.add(pool.submit(() -> db.write(c -> {
                        Sql.update(c, "INSERT INTO rooms(room_id, creator, created_ts) VALUES (?,'@u:x',1)", room);
                        if (fails) {
                            throw new IllegalStateException("boom " + room);
                        }
                        return room;
                    })));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (db.queuedWrites() < 4 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertEquals(4, db.queuedWrites());
                release.countDown();
                assertEquals(1, first.get(10, TimeUnit.SECONDS));
                assertEquals("!1:x", queued.get(0).get(10, TimeUnit.SECONDS));
                ExecutionException e = assertThrows(ExecutionException.class, () -> queued.get(1).get(10,
                        TimeUnit.SECONDS));
                assertEquals("boom !2:x", e.getCause().getMessage());
                assertEquals("!3:x", queued.get(2).get(10, TimeUnit.SECONDS));
                assertEquals("!4:x", queued.get(3).get(10, TimeUnit.SECONDS));
                assertEquals(List.of("!0:x", "!1:x", "!3:x", "!4:x"), db.read(c -> Sql.list(c,
                        "SELECT room_id FROM rooms ORDER BY room_id", rs -> rs.getString(1))));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
