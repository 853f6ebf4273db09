package org.matrixas.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.testkit.Await;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestBridge;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcTestClient;

/**
 * Faults, item 3: the bridge is stopped and started again on the same store. A transaction it processed before is
 * not processed again when the homeserver re-sends it, the room mapping survives, and the puppet reconnects.
 */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeRegistersViaApi = false, channels = "#r")
class BridgeRestartIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void restart_processedTxnNotReprocessed_mappingKept_puppetReconnects(TestHomeserver hs, TestIrc irc,
            TestBridge bridge) {
        int restarts = Rel.count("bridge.restarts", 2, 10);
        String alias = "#irc.example.org/#r:localhost";
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join(alias);
        IrcTestClient bob = irc.connect("Bob");
        bob.join("#r");
        bob.awaitMember("#r", "MatrixBridge", WAIT);
        alice.sendText(room, "before");
        bob.awaitPrivmsg("#r", "before"::equals, WAIT);

        // A transaction the bridge processes, as the homeserver would push it.
        String hsToken = bridge.config().appservice().hsToken();
        String txn = "{\"events\":[{\"type\":\"m.room.message\",\"sender\":\"" + alice.userId() + "\",\"room_id\":\""
                + room + "\",\"event_id\":\"$dup-check\",\"origin_server_ts\":1,\"content\":{\"msgtype\":\"m.text\","
                + "\"body\":\"dup-check\"}}]}";
        String txnUrl = "http://127.0.0.1:" + bridge.asPort() + "/_matrix/app/v1/transactions/replayed-1";
        assertEquals(200, Rel.send("PUT", txnUrl, hsToken, txn).status());
        bob.awaitPrivmsg("#r", "dup-check"::equals, WAIT);

        for (int i = 0; i < restarts; i++) {
            long botJoins = Rel.joinsSeen(bob, "MatrixBridge");
            bridge.restart();
            // IRC has no redelivery: a line said before the new bot is back in the channel is not bridged. NAMES
            // may still list the old connection for a moment after it closed, so wait for the new bot's own JOIN.
            Await.until("the restarted bot to join #r", () -> Rel.joinsSeen(bob, "MatrixBridge") > botJoins, WAIT);
            // The homeserver re-sends the same transaction (its 200 was lost): answered, not re-run.
            Rel.Resp again = Rel.send("PUT", "http://127.0.0.1:" + bridge.asPort()
                    + "/_matrix/app/v1/transactions/replayed-1", hsToken, txn);
            assertEquals(200, again.status(), again.toString());
            // The mapping survived: the alias still resolves to the same room and IRC lines still reach it.
            assertEquals(Optional.of(room), alice.api().resolveAlias(RoomAlias.parse(alias)));
            bob.privmsg("#r", "from irc " + i);
            alice.awaitText(room, "from irc " + i, WAIT);
            // The puppet reconnects: Alice's next line is said by alice[m] again. Its room queue is ordered, so a
            // re-run of the replayed transaction would show before this line.
            alice.sendText(room, "after restart " + i);
            String nick = bob.awaitPrivmsg("#r", ("after restart " + i)::equals, WAIT).fromNick();
            assertEquals("alice[m]", nick);
        }
        long dupCopies = bob.received().stream().filter(l -> l.contains("PRIVMSG #r :dup-check")).count();
        assertEquals(1, dupCopies, "the processed transaction was said once on IRC");
        Rel.figure("BridgeRestartIT: " + restarts + " bridge restarts; a processed transaction re-sent after each was "
                + "not re-run (1 IRC line); alias, room mapping and IRC->Matrix kept; puppet alice[m] back each time");
    }
}
