package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestBridge;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcTestClient;

/**
 * The IRC server restarts under a running bridge: the bot and every puppet reconnect (jittered back-off, capped
 * concurrency) and are back in their channels, and messages flow both ways again. On the in-process server and
 * on a real ngircd.
 */
class ReconnectIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ALIAS = "#irc.example.org/#matrix:localhost";

    @Nested
    @MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, channels = "#matrix", bridgeConfig = FastBridge.class)
    class InProcess {
        @Test
        void ircServerRestart_botAndPuppetsRejoin_messagesFlowBothWays(TestHomeserver hs, TestIrc irc,
                TestBridge bridge) {
            play(hs, irc);
            // The bot and two puppets dropped: each scheduled at least one reconnect, and all are back.
            String metrics = BridgeMetricsScrape.scrape(bridge.asPort());
            assertTrue(BridgeMetricsScrape.value(metrics, "irc_bridge_reconnects_total") >= 3, metrics);
            assertEquals(2, BridgeMetricsScrape.value(metrics,
                    "irc_bridge_connections{role=\"puppet\",state=\"connected\"}"), metrics);
        }
    }

    @Nested
    @MatrixTest(irc = IrcMode.NGIRCD, bridge = true, channels = "#matrix", bridgeConfig = FastBridge.class)
    class Ngircd {
        @Test
        void ircServerRestart_botAndPuppetsRejoin_messagesFlowBothWays(TestHomeserver hs, TestIrc irc,
                TestBridge bridge) {
            play(hs, irc);
        }
    }

    static void play(TestHomeserver hs, TestIrc irc) {
        IrcTestClient bob = irc.connect("Bob");
        bob.join("#matrix");
        MatrixClient alice = hs.registerUser("alice");
        MatrixClient carol = hs.registerUser("carol");
        RoomId room = alice.join(ALIAS);
        carol.join(ALIAS);
        alice.sendText(room, "before");
        carol.sendText(room, "me too");
        bob.awaitPrivmsg("#matrix", "before"::equals, WAIT);
        bob.awaitPrivmsg("#matrix", "me too"::equals, WAIT);

        irc.restart();

        IrcTestClient bob2 = irc.connect("Bob");
        bob2.join("#matrix");
        bob2.awaitMember("#matrix", "MatrixBridge", WAIT);
        bob2.awaitMember("#matrix", "alice[m]", WAIT);
        bob2.awaitMember("#matrix", "carol[m]", WAIT);
        alice.sendText(room, "after");
        assertEquals("alice[m]", bob2.awaitPrivmsg("#matrix", "after"::equals, WAIT).fromNick());
        bob2.privmsg("#matrix", "welcome back");
        assertEquals(UserId.parse("@irc.example.org/_bob:localhost"),
                alice.awaitText(room, "welcome back", WAIT).sender());
    }
}
