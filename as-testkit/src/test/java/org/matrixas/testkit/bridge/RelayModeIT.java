package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.matrixas.testkit.bridge.RoomState.WAIT;

import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.json.Json;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcTestClient;

/**
 * {@code puppets: false}: the bot relays Matrix users' channel messages as {@code <name> text} and emotes as
 * {@code * name text}; no Matrix user gets an IRC connection, and IRC messages still reach the room.
 */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeConfig = RelayModeIT.Relay.class)
class RelayModeIT {

    /** {@link FastBridge} with puppets off. */
    public static final class Relay implements UnaryOperator<BridgeConfig> {
        @Override
        public BridgeConfig apply(BridgeConfig c) {
            BridgeConfig fast = new FastBridge().apply(c);
            return fast.withNetworks(fast.networks().stream().map(n -> n.with(b -> b.puppets = false)).toList());
        }
    }

    @Test
    void puppetsOff_botRelaysWithTheSendersName_noConnectionPerUser(TestHomeserver hs, TestIrc irc) {
        IrcTestClient op = irc.connect("Op");
        op.join("#relay");
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join("#irc.example.org/#relay:localhost");

        alice.sendText(room, "hello\nsecond line");
        String bot = op.awaitPrivmsg("#relay", "<alice> hello"::equals, WAIT).fromNick();
        op.awaitPrivmsg("#relay", "<alice> second line"::equals, WAIT);
        alice.api().send(room, "m.room.message", Json.object().put("msgtype", "m.emote").put("body", "waves"), null);
        op.awaitPrivmsg("#relay", "* alice waves"::equals, WAIT);

        assertEquals(Set.of("Op", bot), irc.inProcessServer().orElseThrow().channelMembers("#relay"),
                "only the bot joined for Matrix");
        assertFalse(irc.inProcessServer().orElseThrow().isConnected("alice[m]"), "alice has no IRC connection");

        op.privmsg("#relay", "hi from IRC");
        alice.awaitText(room, "hi from IRC", WAIT);
    }
}
