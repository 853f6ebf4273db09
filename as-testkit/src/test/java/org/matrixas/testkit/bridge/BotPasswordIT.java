package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.testkit.Await;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestIrc;

/** The bot logs into its account with {@code bot_password}: SASL PLAIN with {@code sasl: true}, else NickServ. */
class BotPasswordIT {
    private static final String ACCOUNT = "MatrixBridge:b0t-pass";

    /** {@code bot_password} with SASL. */
    public static class Sasl extends FastBridge {
        @Override
        public BridgeConfig apply(BridgeConfig c) {
            BridgeConfig fast = super.apply(c);
            return fast.withNetworks(fast.networks().stream().map(n -> n.withSasl(true, "b0t-pass")).toList());
        }
    }

    /** {@code bot_password} without SASL: NickServ. */
    public static class NickServ extends FastBridge {
        @Override
        public BridgeConfig apply(BridgeConfig c) {
            BridgeConfig fast = super.apply(c);
            return fast.withNetworks(fast.networks().stream().map(n -> n.withSasl(false, "b0t-pass")).toList());
        }
    }

    @Test
    @MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeConfig = Sasl.class, ircAccounts = ACCOUNT)
    void botPassword_sasl_loggedInAtRegistration(TestIrc irc) {
        // The bridge is healthy (bot registered) before the test starts; SASL happens before registration ends.
        assertEquals(Optional.of("MatrixBridge"), irc.accountOf("MatrixBridge"));
    }

    @Test
    @MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeConfig = NickServ.class, ircAccounts = ACCOUNT)
    void botPassword_withoutSasl_identifiesWithNickServ(TestIrc irc) {
        Await.until("the bot identified", () -> irc.accountOf("MatrixBridge").isPresent(), AdminRoomClient.WAIT);
        assertEquals(Optional.of("MatrixBridge"), irc.accountOf("MatrixBridge"));
    }

    @Test
    @MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeConfig = FastBridge.class, ircAccounts = ACCOUNT)
    void noBotPassword_notLoggedIn(TestIrc irc) {
        assertEquals(Optional.empty(), irc.accountOf("MatrixBridge"));
    }
}
