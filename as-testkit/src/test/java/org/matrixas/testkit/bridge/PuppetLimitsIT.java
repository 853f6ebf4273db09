package org.matrixas.testkit.bridge;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcTestClient;

/**
 * {@code irc.max_puppets} and {@code irc.puppet_idle_timeout_seconds}: a puppet beyond the cap is refused with a
 * notice in the room; an idle puppet quits, freeing its place, and comes back on its user's next message.
 */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, channels = "#cap", bridgeConfig = PuppetLimitsIT.OnePuppet.class)
class PuppetLimitsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ALIAS = "#irc.example.org/#cap:localhost";

    /** One puppet per network, disconnected after 3 s without a message. */
    public static class OnePuppet implements UnaryOperator<BridgeConfig> {
        @Override
        public BridgeConfig apply(BridgeConfig c) {
            BridgeConfig fast = new FastBridge().apply(c);
            return fast.withIrc(fast.irc().withMaxPuppets(1).withPuppetIdleTimeout(Duration.ofSeconds(3)));
        }
    }

    @Test
    void puppetCapAndIdleTimeout_refusedWithNoticeThenFreedAndReconnected(TestHomeserver hs, TestIrc irc) {
        IrcTestClient bob = irc.connect("Bob");
        bob.join("#cap");
        MatrixClient alice = hs.registerUser("alice");
        MatrixClient carol = hs.registerUser("carol");
        RoomId room = alice.join(ALIAS);
        carol.join(ALIAS);

        alice.sendText(room, "first");
        bob.awaitPrivmsg("#cap", "first"::equals, WAIT);
        carol.sendText(room, "refused");
        carol.awaitMessage(room, e -> "m.notice".equals(e.contentString("msgtype").orElse(""))
                && e.contentString("body").orElse("").contains("irc.max_puppets"), WAIT);

        bob.awaitLine("alice[m] quits when idle", l -> "QUIT".equals(l.command()) && "alice[m]".equals(l.nick()),
                WAIT);
        carol.sendText(room, "now me");
        bob.awaitPrivmsg("#cap", "now me"::equals, WAIT);

        bob.awaitLine("carol[m] quits when idle", l -> "QUIT".equals(l.command()) && "carol[m]".equals(l.nick()),
                WAIT);
        carol.sendText(room, "back again");
        // carol[m] had quit: the line arriving means the puppet connected and joined again.
        bob.awaitPrivmsg("#cap", "back again"::equals, WAIT);
    }
}
