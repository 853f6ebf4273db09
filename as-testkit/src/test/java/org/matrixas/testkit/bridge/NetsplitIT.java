package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.matrixas.testkit.bridge.RoomState.awaitMembership;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.MembershipConfig;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcServer;
import org.matrixas.testkit.irc.IrcTestClient;

/**
 * Netsplits: quits with a server-pair reason are held for {@code membership.netsplit_hold_seconds}; a user back in
 * time causes no Matrix change, one who is not leaves the room once the hold is over.
 */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeConfig = NetsplitIT.ShortHold.class)
class NetsplitIT {
    private static final Duration HOLD = Duration.ofSeconds(2);
    private static final String CAROL = "@irc.example.org/_carol:localhost";
    private static final String DAVE = "@irc.example.org/_dave:localhost";

    /** {@link FastBridge} with a two-second netsplit hold. */
    public static final class ShortHold implements UnaryOperator<BridgeConfig> {
        @Override
        public BridgeConfig apply(BridgeConfig c) {
            BridgeConfig fast = new FastBridge().apply(c);
            return fast.withNetworks(fast.networks().stream()
                    .map(n -> n.withMembership(new MembershipConfig(true, true, HOLD))).toList());
        }
    }

    @Test
    void netsplit_returningUserUnchanged_othersLeaveAfterHold(TestHomeserver hs, TestIrc irc) {
        IrcServer server = irc.inProcessServer().orElseThrow();
        IrcTestClient op = irc.connect("Op");
        op.join("#split");
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join("#irc.example.org/#split:localhost");
        IrcTestClient carol = irc.connect("Carol");
        carol.join("#split");
        IrcTestClient dave = irc.connect("Dave");
        dave.join("#split");
        awaitMembership(alice, room, CAROL, "join");
        awaitMembership(alice, room, DAVE, "join");

        long splitAt = System.currentTimeMillis();
        server.netsplit(List.of("Carol", "Dave"));
        op.awaitParsed("Dave's split", l -> "QUIT".equals(l.command()) && "Dave".equals(l.nick()),
                RoomState.WAIT);
        dave.quit("gone for good");
        dave.awaitDisconnect(RoomState.WAIT);
        assertEquals(List.of("Carol"), server.heal());

        ClientEvent daveLeft = awaitMembership(alice, room, DAVE, "leave");
        assertTrue(daveLeft.originServerTs() - splitAt >= HOLD.toMillis() - 50,
                "Dave's quit was held for the hold: " + (daveLeft.originServerTs() - splitAt) + " ms");
        // Carol's quit was held from the same moment, so it would have been sent before Dave's.
        assertTrue(alice.events(room).stream().noneMatch(e -> "m.room.member".equals(e.type())
                && CAROL.equals(e.stateKey()) && "leave".equals(e.contentString("membership").orElse(""))),
                "Carol came back within the hold");
        assertEquals("join", alice.api().state(room, "m.room.member", CAROL).orElseThrow().path("membership")
                .asText());
    }
}
