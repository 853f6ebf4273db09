package org.matrixas.bridge.irc;

import com.google.inject.Module;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.matrixas.bridge.irc.config.AppServiceConfig;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.HomeserverConfig;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.bridge.irc.runtime.Timeouts;
import org.matrixas.bridge.irc.testing.RecordingHomeserver;

/** Configs and overrides shared by the integration tests. */
final class BridgeFixture {
    static final String HS_DOMAIN = "hsdomain.com";
    static final String NETWORK = "irc.freenode.net";
    static final String CHANNEL = "#matrix";

    /** Short reconnect and retry delays so tests do not wait on production back-off. */
    static final Module FAST = binder -> binder.bind(Timeouts.class).toInstance(new Timeouts(Duration.ofSeconds(20),
            Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofSeconds(1)));

    private BridgeFixture() {
    }

    /** A bridge on loopback (free port) that registers through the draft API with {@code hs}. */
    static BridgeConfig config(String hsUrl, int ircPort, Path dataDir) {
        return BridgeConfig.of(HomeserverConfig.of(hsUrl, HS_DOMAIN),
                AppServiceConfig.of(RecordingHomeserver.AS_TOKEN, null), dataDir,
                List.of(NetworkConfig.of(NETWORK, "127.0.0.1", ircPort).withChannels(List.of(CHANNEL))));
    }
}
