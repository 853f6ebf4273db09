package org.matrixas.testkit.bridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.matrixas.bridge.irc.IrcBridge;
import org.matrixas.bridge.irc.config.AppServiceConfig;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.HomeserverConfig;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.bridge.irc.registration.Registrations;
import org.matrixas.testkit.TestBridge;
import org.matrixas.testkit.TestHomeserver;

/**
 * A bridge the test starts itself, for configs the kit cannot build: rooms that must exist before the bridge
 * starts, a second IRC server, or a bridge that must fail to connect. Registered with a registration object, as
 * an admin would.
 */
final class OwnBridge {
    private OwnBridge() {
    }

    /** A fast config (see {@link FastBridge}) for {@code networks}, with its data in {@code dir}. */
    static BridgeConfig config(TestHomeserver hs, Path dir, List<NetworkConfig> networks) {
        return new FastBridge().apply(BridgeConfig.of(HomeserverConfig.of(hs.baseUrl(), hs.serverName()),
                AppServiceConfig.of("as_token_own_bridge", null), dir, networks));
    }

    /** Registers {@code config} with {@code hs} and starts it healthy; the caller closes it. */
    static TestBridge start(TestHomeserver hs, BridgeConfig config) {
        return TestBridge.start(register(hs, config));
    }

    /**
     * Registers {@code config} with {@code hs} and starts it without waiting for it to be healthy, for bridges
     * that are not meant to reach their IRC server; the caller closes it.
     */
    static IrcBridge startWithoutWaiting(TestHomeserver hs, BridgeConfig config) {
        return IrcBridge.start(register(hs, config));
    }

    private static BridgeConfig register(TestHomeserver hs, BridgeConfig config) {
        BridgeConfig c = config.withAppService(config.appservice().withHsToken(Registrations.randomToken())
                .withRegisterViaApi(false).withPort(freePort()));
        hs.registerAppService(Registrations.of(c));
        return c;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
