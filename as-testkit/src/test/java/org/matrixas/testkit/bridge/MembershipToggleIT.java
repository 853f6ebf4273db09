package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.matrixas.testkit.bridge.RoomState.WAIT;

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
import org.matrixas.testkit.irc.IrcLine;
import org.matrixas.testkit.irc.IrcTestClient;

/**
 * {@code membership.irc_to_matrix} and {@code membership.matrix_to_irc} off: IRC joins and parts stay out of the room
 * (a virtual user joins when it first speaks), and leaving the room leaves the puppet in the channel.
 */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeConfig = MembershipToggleIT.Off.class)
class MembershipToggleIT {
    private static final String CAROL = "@irc.example.org/_carol:localhost";

    /** {@link FastBridge} with both membership directions off. */
    public static final class Off implements UnaryOperator<BridgeConfig> {
        @Override
        public BridgeConfig apply(BridgeConfig c) {
            BridgeConfig fast = new FastBridge().apply(c);
            return fast.withNetworks(fast.networks().stream().map(n -> n.withMembership(
                    new MembershipConfig(false, false, MembershipConfig.DEFAULT_NETSPLIT_HOLD))).toList());
        }
    }

    @Test
    void membershipOff_neitherDirectionMirrored_messagesStillFlow(TestHomeserver hs, TestIrc irc) {
        IrcTestClient op = irc.connect("Op");
        op.join("#quiet");
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join("#irc.example.org/#quiet:localhost");
        IrcTestClient carol = irc.connect("Carol");
        carol.join("#quiet");
        op.privmsg("#quiet", "marker one");
        alice.awaitText(room, "marker one", WAIT);
        assertTrue(memberships(alice, room, CAROL).isEmpty(), "Carol's IRC join is not shown");

        carol.privmsg("#quiet", "hi from Carol");
        alice.awaitText(room, "hi from Carol", WAIT);
        carol.part("#quiet");
        op.privmsg("#quiet", "marker two");
        alice.awaitText(room, "marker two", WAIT);
        assertTrue(memberships(alice, room, CAROL).stream()
                .allMatch(e -> "join".equals(e.contentString("membership").orElse(""))), "Carol's part is not shown");

        alice.sendText(room, "hello");
        op.awaitPrivmsg("#quiet", "hello"::equals, WAIT);
        alice.api().leave(room);
        alice.join(room.toString());
        alice.sendText(room, "again");
        op.awaitPrivmsg("#quiet", "again"::equals, WAIT);
        assertTrue(op.received().stream().map(IrcLine::parse).noneMatch(l -> "alice[m]".equals(l.nick())
                && "PART".equals(l.command())), "leaving the room does not part the puppet");
    }

    private static List<ClientEvent> memberships(MatrixClient c, RoomId room, String user) {
        return c.events(room).stream().filter(e -> "m.room.member".equals(e.type()) && user.equals(e.stateKey()))
                .toList();
    }
}
