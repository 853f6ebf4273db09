package org.matrixas.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.testkit.irc.IrcTestClient;
import org.matrixas.testkit.irc.ReceivedMessage;

/**
 * The IRC walk-through of the application service draft, step by step, against the in-process IRC server and
 * against a real ngircd: the bridge registers through the draft API, scroll-back is injected when Alice joins
 * the alias with the IRC times, and messages flow both ways.
 */
class SeedWalkthroughIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ALIAS = "#irc.freenode.net/#matrix:hsdomain.com";
    private static final UserId BOB = UserId.parse("@irc.freenode.net/_bob:hsdomain.com");

    @Nested
    @MatrixTest(serverName = "hsdomain.com", irc = IrcMode.IN_PROCESS, bridge = true, ircNetwork = "irc.freenode.net",
            channels = "#matrix", bridgeAsToken = "T_a")
    class InProcessIrcServer {
        @Test
        void walkthrough_allFiveSteps_messagesFlowWithIrcTimes(TestHomeserver hs, TestIrc irc, TestBridge bridge) {
            play(hs, irc, bridge);
        }
    }

    @Nested
    @MatrixTest(serverName = "hsdomain.com", irc = IrcMode.NGIRCD, bridge = true, ircNetwork = "irc.freenode.net",
            channels = "#matrix", bridgeAsToken = "T_a")
    class RealNgircd {
        @Test
        void walkthrough_allFiveSteps_messagesFlowWithIrcTimes(TestHomeserver hs, TestIrc irc, TestBridge bridge) {
            play(hs, irc, bridge);
        }
    }

    static void play(TestHomeserver hs, TestIrc irc, TestBridge bridge) {
        // 1. The bridge registered through the draft API: its namespaces are now exclusive to it.
        MatrixException taken = assertThrows(MatrixException.class, () -> HomeserverClient.anonymous(hs.baseUrl())
                .registerUser("irc.freenode.net/_mallory", "password"));
        assertEquals("M_EXCLUSIVE", taken.errcode());

        // 2. Bob speaks on IRC while no Matrix user is there: the bridge keeps it as scroll-back.
        IrcTestClient bob = irc.connect("Bob");
        bob.join("#matrix");
        bob.awaitMember("#matrix", "MatrixBridge", WAIT);
        long helloSent = System.currentTimeMillis();
        bob.privmsg("#matrix", "hello?");
        Await.until("the bridge to keep Bob's line as scroll-back",
                () -> bridge.bridge().scrollbackSize("irc.freenode.net", "#matrix") == 1, WAIT);
        long helloKept = System.currentTimeMillis();

        // 3. Alice joins the alias: the bridge creates the room during the alias query and injects Bob's line.
        MatrixClient alice = hs.registerUser("alice");
        long joinStarted = System.currentTimeMillis();
        RoomId room = alice.join(ALIAS);
        assertEquals("#matrix", alice.api().state(room, "m.room.name", "").orElseThrow().path("name").asText());
        ClientEvent hello = alice.awaitText(room, "hello?", WAIT);
        assertEquals(BOB, hello.sender());
        assertIrcTime(irc.relayTime("Bob", "hello?"), hello.originServerTs(), helloSent, helloKept);
        assertTrue(hello.originServerTs() < joinStarted, "scroll-back keeps the IRC time, not the injection time");
        assertEquals(Optional.of("Bob"), alice.api().displayName(BOB));

        // 4. Alice answers; the bridge says it on IRC from her own connection.
        alice.sendText(room, "hi!");
        ReceivedMessage hi = bob.awaitPrivmsg("#matrix", "hi!"::equals, WAIT);
        assertEquals("alice[m]", hi.fromNick());

        // 5. Bob answers on IRC; it reaches the room live, as Bob, with the IRC time.
        long upSent = System.currentTimeMillis();
        bob.privmsg("#matrix", "what's up?");
        ClientEvent up = alice.awaitText(room, "what's up?", WAIT);
        long upSeen = System.currentTimeMillis();
        assertEquals(BOB, up.sender());
        assertIrcTime(irc.relayTime("Bob", "what's up?"), up.originServerTs(), upSent, upSeen);
    }

    /** With server-time the bridge must use the server's instant exactly; without, a time between send and receipt. */
    private static void assertIrcTime(Optional<java.time.Instant> serverTime, long ts, long sent, long seen) {
        if (serverTime.isPresent()) {
            assertEquals(serverTime.get().toEpochMilli(), ts, "origin_server_ts is the IRC server-time");
        } else {
            assertTrue(ts >= sent - 5 && ts <= seen, "origin_server_ts " + ts + " is the IRC receive time, in ["
                    + sent + ", " + seen + "]");
        }
    }
}
