package org.matrixas.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.Session;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestHomeserver;

/**
 * The SQLite file locked by another process, and the disk full: a clear error, no corrupt state, recovery once
 * the cause is gone.
 */
class SqliteFaultsIT {

    /** A second connection holds {@code BEGIN EXCLUSIVE} on homeserver.db while a message is sent. */
    private static Rel.Resp sendWhileLocked(TestHomeserver hs, Session alice, RoomId room, String txnId) throws Exception {
        Path db = hs.dataDir().resolve("homeserver.db");
        try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
            try (Statement s = lock.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
            }
            // The HTTP client's 60 s deadline guards against a hang; the homeserver's busy timeout is 10 s.
            Rel.Resp r = Rel.send("PUT", hs.baseUrl() + "/_matrix/client/v3/rooms/" + Rel.enc(room.toString())
                    + "/send/m.room.message/" + txnId, Map.of("Authorization", "Bearer " + alice.accessToken()),
                    "{\"msgtype\":\"m.text\",\"body\":\"while locked\"}".getBytes(), Duration.ofSeconds(60));
            try (Statement s = lock.createStatement()) {
                s.execute("ROLLBACK");
            }
            return r;
        }
    }

    @Test
    @MatrixTest
    void databaseLocked_noHang_noCorruption_recoversWithSameTxnId(TestHomeserver hs) throws Exception {
        HomeserverClient anon = HomeserverClient.anonymous(hs.baseUrl());
        Session alice = anon.registerUser("locky", "locky-password");
        RoomId room = anon.withToken(alice.accessToken()).createRoom(CreateRoomRequest.named("lock"));
        Rel.Resp locked = sendWhileLocked(hs, alice, room, "lock1");
        assertTrue(locked.status() == 200 || locked.status() >= 500, "answered (not hung): " + locked);
        assertTrue(locked.status() == 200 || locked.errcode() != null, "a Matrix error body, not a stack trace: " + locked);
        // Recovery: the same txnId again succeeds, and the message exists exactly once.
        Rel.Resp retry = Rel.send("PUT", hs.baseUrl() + "/_matrix/client/v3/rooms/" + Rel.enc(room.toString())
                + "/send/m.room.message/lock1", alice.accessToken(), "{\"msgtype\":\"m.text\",\"body\":\"while locked\"}");
        assertEquals(200, retry.status(), retry.toString());
        MatrixClient client = new MatrixClient(alice.userId(), anon.withToken(alice.accessToken()));
        client.sendText(room, "after the lock");
        client.awaitText(room, "after the lock", Duration.ofSeconds(15));
        long copies = client.events(room).stream()
                .filter(e -> "while locked".equals(e.contentString("body").orElse(null))).count();
        assertEquals(1, copies, "the message sent during the lock exists exactly once");
        assertEquals("ok", integrity(hs.dataDir().resolve("homeserver.db")));
        Rel.figure("SqliteFaultsIT lock: BEGIN EXCLUSIVE held during a send -> " + locked
                + "; retry with the same txnId 200, one copy, integrity_check ok");
    }

    @Test
    @MatrixTest
    void databaseLocked_answers503WithClearMessage(TestHomeserver hs) throws Exception {
        HomeserverClient anon = HomeserverClient.anonymous(hs.baseUrl());
        Session alice = anon.registerUser("locky", "locky-password");
        RoomId room = anon.withToken(alice.accessToken()).createRoom(CreateRoomRequest.named("lock"));
        Rel.Resp locked = sendWhileLocked(hs, alice, room, "lock2");
        assertEquals(503, locked.status(), locked.toString());
        assertTrue(locked.text().toLowerCase().matches(".*(database|busy|locked|storage).*"), locked.toString());
    }

    static String integrity(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Disk full without root: the homeserver process runs under {@code prlimit --fsize} (RLIMIT_FSIZE), so its
     * writes past the limit fail with EFBIG as on a full disk; then the soft limit is lifted on the running process
     * (the hard limit stays unlimited, so no privilege is needed).
     */
    @Test
    void diskFull_clearError_noCorruption_recoversOnceSpaceIsBack(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "prlimit is missing: disk full not tested");
        String yaml = "server_name: localhost\ndata_dir: data\nenable_registration: true\n";
        long limit = 3L * 1024 * 1024;
        try (HsProcess hs = new HsProcess(tmp, yaml, List.of("/usr/bin/prlimit", "--fsize=" + limit + ":unlimited")).start()) {
            HomeserverClient anon = HomeserverClient.anonymous(hs.baseUrl());
            Session alice = anon.registerUser("full", "full-password");
            RoomId room = anon.withToken(alice.accessToken()).createRoom(CreateRoomRequest.named("full"));
            String big = "x".repeat(60_000);
            List<String> acknowledged = new ArrayList<>();
            Rel.Resp failure = null;
            for (int i = 0; i < 400 && failure == null; i++) {
                Rel.Resp r = Rel.send("PUT", hs.baseUrl() + "/_matrix/client/v3/rooms/" + Rel.enc(room.toString())
                        + "/send/m.room.message/f" + i, alice.accessToken(), "{\"msgtype\":\"m.text\",\"body\":\"" + i
                        + " " + big + "\"}");
                if (r.status() == 200) {
                    acknowledged.add(Integer.toString(i));
                } else {
                    failure = r;
                }
            }
            assertTrue(failure != null, "the file-size limit was never reached");
            assertTrue(hs.alive(), "the homeserver survives a full disk; log:\n" + tail(hs.logText()));
            assertTrue(failure.errcode() != null, "a Matrix error, not a stack trace: " + failure);
            assertEquals(503, failure.status(), "a full disk is the operator's to fix, not a bug: " + failure
                    + "\nlog:\n" + tail(hs.logText()));
            // Space is back.
            Process lift = new ProcessBuilder("/usr/bin/prlimit", "--pid", Long.toString(hs.pid()), "--fsize=unlimited")
                    .redirectErrorStream(true).start();
            assertEquals(0, lift.waitFor(), new String(lift.getInputStream().readAllBytes()));
            Rel.Resp after = Rel.send("PUT", hs.baseUrl() + "/_matrix/client/v3/rooms/" + Rel.enc(room.toString())
                    + "/send/m.room.message/after", alice.accessToken(), "{\"msgtype\":\"m.text\",\"body\":\"after\"}");
            assertEquals(200, after.status(), "sends work again once space is back: " + after);
            Rel.figure("SqliteFaultsIT disk full (RLIMIT_FSIZE " + limit + " bytes): " + acknowledged.size()
                    + " 60 KB messages acknowledged, then " + failure + "; process alive; after lifting the limit 200");
            hs.close();
            assertEquals("ok", integrity(hs.dataDir().resolve("homeserver.db")));
            // The acknowledged messages survived: restart on the same store and find the last one and "after".
            hs.start();
            MatrixClient client = new MatrixClient(alice.userId(), anon.withToken(alice.accessToken()));
            client.awaitText(room, "after", Duration.ofSeconds(30));
            String last = acknowledged.get(acknowledged.size() - 1) + " ";
            client.awaitMessage(room, e -> e.contentString("body").orElse("").startsWith(last), Duration.ofSeconds(30));
        }
    }

    private static String tail(String log) {
        return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    }
}
