package org.matrixas.testkit.bridge;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.FloodConfig;

/** Bridge tweaks for tests where flood delays and production back-off are not under test. */
public class FastBridge implements UnaryOperator<BridgeConfig> {
    @Override
    public BridgeConfig apply(BridgeConfig c) {
        return c.withNetworks(c.networks().stream().map(n -> n.withFlood(FloodConfig.unlimited())).toList())
                .withIrc(c.irc().withReconnect(Duration.ofMillis(200), Duration.ofSeconds(2), 20));
    }
}
