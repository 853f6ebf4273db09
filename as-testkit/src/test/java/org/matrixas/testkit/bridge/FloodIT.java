package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.matrixas.testkit.bridge.RoomState.WAIT;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.FloodConfig;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcServer;
import org.matrixas.testkit.irc.IrcTestClient;
import org.matrixas.testkit.irc.RelayedMessage;

/**
 * Flood control ({@code networks[].flood}) through the whole bridge: a six-line Matrix message leaves its puppet
 * as a burst of two and then one line per interval, in order, while another user's puppet, with its own budget,
 * is not held up behind it. Only lower bounds on the server's receive times are asserted (a slow machine can only
 * widen the gaps), plus the order of lines.
 */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeConfig = FloodIT.Paced.class)
class FloodIT {
    private static final int BURST = 2;
    private static final long INTERVAL_MS = 400;
    private static final int LINES = 6;
    /** The server stamps lines with millisecond precision. */
    private static final long CLOCK_SLACK_MS = 5;

    /** A paced flood budget for every connection, and room for the six lines before a file upload. */
    public static final class Paced implements UnaryOperator<BridgeConfig> {
        @Override
        public BridgeConfig apply(BridgeConfig c) {
            BridgeConfig fast = new FastBridge().apply(c);
            return fast.withNetworks(fast.networks().stream().map(n -> n.with(b -> {
                b.flood = new FloodConfig(BURST, INTERVAL_MS);
                b.maxLines = 10;
            })).toList());
        }
    }

    @Test
    void multiLineMessage_pacedInOrder_otherPuppetNotHeldUp(TestHomeserver hs, TestIrc irc) {
        IrcTestClient op = irc.connect("Op");
        op.join("#paced");
        MatrixClient alice = hs.registerUser("alice");
        MatrixClient bob = hs.registerUser("bob");
        RoomId room = alice.join("#irc.example.org/#paced:localhost");
        bob.join(room.toString());
        bob.sendText(room, "bob is here");
        String bobNick = op.awaitPrivmsg("#paced", "bob is here"::equals, WAIT).fromNick();
        alice.sendText(room, "warm-up");
        String aliceNick = op.awaitPrivmsg("#paced", "warm-up"::equals, WAIT).fromNick();
        // A quiet period refills alice's budget; wait for it on the server's own clock, not with a sleep.
        IrcServer server = irc.inProcessServer().orElseThrow();
        long refilled = lastFrom(server, aliceNick).time().toEpochMilli() + BURST * INTERVAL_MS;
        awaitClock(refilled);

        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= LINES; i++) {
            text.append(i == 1 ? "" : "\n").append("line ").append(i);
        }
        alice.sendText(room, text.toString());
        op.awaitPrivmsg("#paced", "line 1"::equals, WAIT);
        bob.sendText(room, "not held up");
        op.awaitPrivmsg("#paced", ("line " + LINES)::equals, Duration.ofSeconds(30));
        op.awaitPrivmsg("#paced", "not held up"::equals, WAIT);

        List<RelayedMessage> lines = server.messages().stream()
                .filter(m -> m.fromNick().equals(aliceNick) && m.text().startsWith("line ")).toList();
        assertEquals(List.of("line 1", "line 2", "line 3", "line 4", "line 5", "line 6"),
                lines.stream().map(RelayedMessage::text).toList(), "every line once, in order");
        long first = lines.get(0).time().toEpochMilli();
        for (int i = BURST; i < LINES; i++) {
            long gap = lines.get(i).time().toEpochMilli() - first;
            long atLeast = (i + 1 - BURST) * INTERVAL_MS - CLOCK_SLACK_MS;
            assertTrue(gap >= atLeast, "line " + (i + 1) + " came " + gap + " ms after line 1; the budget allows "
                    + "it no sooner than " + atLeast + " ms");
        }
        long bobAt = lastFrom(server, bobNick).time().toEpochMilli();
        assertTrue(bobAt < lines.get(LINES - 1).time().toEpochMilli(),
                "bob's line waits for his own budget only, not behind alice's queued lines");
    }

    private static RelayedMessage lastFrom(IrcServer server, String nick) {
        List<RelayedMessage> said = server.messages().stream().filter(m -> m.fromNick().equals(nick)).toList();
        return said.get(said.size() - 1);
    }

    private static void awaitClock(long epochMillis) {
        long left;
        while ((left = epochMillis - System.currentTimeMillis()) > 0) {
            LockSupport.parkNanos(left * 1_000_000L);
        }
    }
}
