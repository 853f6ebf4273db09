package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.matrixas.testkit.bridge.RoomState.WAIT;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcLine;
import org.matrixas.testkit.irc.IrcTestClient;

/** With a nick template using {@code $DISPLAY}, a new Matrix display name renames the user's puppet (NICK). */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeConfig = DisplayNameNickIT.DisplayNicks.class)
class DisplayNameNickIT {

    /** {@link FastBridge} with the nick template {@code $DISPLAY[m]}. */
    public static final class DisplayNicks implements UnaryOperator<BridgeConfig> {
        @Override
        public BridgeConfig apply(BridgeConfig c) {
            BridgeConfig fast = new FastBridge().apply(c);
            return fast.withNetworks(fast.networks().stream().map(n -> n.withNickTemplate("$DISPLAY[m]")).toList());
        }
    }

    @Test
    void displayNameChange_puppetNickFollows(TestHomeserver hs, TestIrc irc) {
        IrcTestClient op = irc.connect("Op");
        op.join("#nicks");
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join("#irc.example.org/#nicks:localhost");
        alice.sendText(room, "hi");
        assertEquals("alice[m]", op.awaitPrivmsg("#nicks", "hi"::equals, WAIT).fromNick());

        alice.api().setDisplayName(alice.userId(), "Ally Smith");
        IrcLine nick = op.awaitParsed("NICK of alice[m]", l -> "NICK".equals(l.command()), WAIT);
        assertEquals("alice[m]", nick.nick());
        assertEquals("Ally_Smith[m]", nick.param(0));

        alice.sendText(room, "renamed");
        assertEquals("Ally_Smith[m]", op.awaitPrivmsg("#nicks", "renamed"::equals, WAIT).fromNick());
    }
}
