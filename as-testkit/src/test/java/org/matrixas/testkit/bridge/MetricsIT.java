package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestBridge;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcTestClient;

/** {@code GET /metrics} on the bridge's AS port: the counters and gauges move as messages are bridged. */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, channels = "#metrics", bridgeConfig = FastBridge.class)
class MetricsIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ALIAS = "#irc.example.org/#metrics:localhost";
    private static final String TO_IRC = "irc_bridge_messages_total{direction=\"matrix_to_irc\",kind=\"text\"}";
    private static final String TO_MATRIX = "irc_bridge_messages_total{direction=\"irc_to_matrix\",kind=\"text\"}";

    @Test
    void metrics_afterMessagesBothWays_countersAndGaugesMove(TestHomeserver hs, TestIrc irc, TestBridge bridge) {
        int port = bridge.asPort();
        String before = BridgeMetricsScrape.scrape(port);
        assertEquals(0, BridgeMetricsScrape.value(before, TO_IRC), before);
        assertEquals(1, BridgeMetricsScrape.value(before,
                "irc_bridge_connections{role=\"bot\",state=\"connected\"}"), before);
        assertEquals(0, BridgeMetricsScrape.value(before, "irc_bridge_puppets"), before);

        IrcTestClient bob = irc.connect("Bob");
        bob.join("#metrics");
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join(ALIAS);
        alice.sendText(room, "counted");
        bob.awaitPrivmsg("#metrics", "counted"::equals, WAIT);
        BridgeMetricsScrape.await(port, TO_IRC, v -> v == 1, WAIT);
        bob.privmsg("#metrics", "back");
        alice.awaitText(room, "back", WAIT);
        BridgeMetricsScrape.await(port, TO_MATRIX, v -> v == 1, WAIT);

        String after = BridgeMetricsScrape.scrape(port);
        assertEquals(1, BridgeMetricsScrape.value(after, "irc_bridge_puppets"), after);
        assertEquals(1, BridgeMetricsScrape.value(after,
                "irc_bridge_connections{role=\"puppet\",state=\"connected\"}"), after);
        assertTrue(BridgeMetricsScrape.value(after, "irc_bridge_transactions_total") >= 1, after);
        assertTrue(BridgeMetricsScrape.value(after,
                "irc_bridge_queries_total{outcome=\"found\",type=\"alias\"}") >= 1, after);
        assertEquals(0, BridgeMetricsScrape.value(after, "irc_bridge_reconnects_total"), after);
    }
}
