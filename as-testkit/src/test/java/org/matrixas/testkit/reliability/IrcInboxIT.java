package org.matrixas.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.Session;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.testkit.Await;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.irc.IrcTestClient;

/**
 * IRC never sends a line twice, so the bridge keeps each channel line it reads until it is in Matrix. Here the
 * homeserver is killed, an IRC user speaks (the bridge reads the lines but cannot post them), then the bridge is
 * killed too: after both restart, every line reaches the room once, in order, and the lines posted before the
 * outage are not posted again.
 */
class IrcInboxIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ALIAS = "#" + Deployment.NETWORK + "/#inbox:localhost";
    private static final int DURING_OUTAGE = 5;

    @Test
    void homeserverDown_bridgeKilled_linesReadMeanwhilePostedOnceAfterRestart(@TempDir Path tmp) throws Exception {
        try (Deployment d = new Deployment(tmp, "info", "{burst: 10, interval_ms: 0}", "#inbox").start()) {
            HomeserverClient anon = HomeserverClient.anonymous(d.hs.baseUrl());
            Session s = anon.registerUser("alice", d.secret("alice-pw-" + UUID.randomUUID()));
            HomeserverClient api = anon.withToken(d.secret(s.accessToken()));
            MatrixClient alice = new MatrixClient(api.whoami(), api);
            RoomId room = alice.join(ALIAS);
            IrcTestClient bob = IrcTestClient.connect(d.irc.host(), d.irc.port(), "Bob");
            bob.join("#inbox");
            bob.awaitMember("#inbox", "MatrixBridge", WAIT);
            bob.privmsg("#inbox", "before");
            alice.awaitText(room, "before", WAIT);

            d.hs.kill();
            List<String> lines = IntStream.range(0, DURING_OUTAGE).mapToObj(i -> "during-" + i).toList();
            lines.forEach(l -> bob.privmsg("#inbox", l));
            Path db = d.bridge.dir.resolve("data").resolve("bridge.db");
            Await.until("the bridge to store the lines said while the homeserver is down",
                    () -> storedLines(db, "during-%") == DURING_OUTAGE, WAIT);
            long botJoins = Rel.joinsSeen(bob, "MatrixBridge");
            d.bridge.kill();

            d.hs.start();
            d.bridge.start();
            Await.until("the restarted bot to join #inbox", () -> Rel.joinsSeen(bob, "MatrixBridge") > botJoins, WAIT);
            alice.awaitText(room, lines.get(DURING_OUTAGE - 1), WAIT);
            bob.privmsg("#inbox", "after");
            alice.awaitText(room, "after", WAIT);
            List<String> seen = alice.events(room).stream().filter(e -> "m.room.message".equals(e.type()))
                    .map(e -> e.contentString("body").orElse("")).toList();
            List<String> expected = new java.util.ArrayList<>(List.of("before"));
            expected.addAll(lines);
            expected.add("after");
            assertEquals(expected, seen, "every IRC line once, in the order said");
            Rel.figure("IrcInboxIT: " + DURING_OUTAGE + " IRC lines read while the homeserver was down, bridge then "
                    + "SIGKILLed; after both restarted all " + DURING_OUTAGE + " were posted once, in order");
        }
    }

    private static int storedLines(Path db, String like) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM irc_inbox WHERE text LIKE ?")) {
            ps.setString(1, like);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            return -1; // not created yet, or busy: ask again
        }
    }
}
