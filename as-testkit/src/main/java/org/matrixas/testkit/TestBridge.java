package org.matrixas.testkit;

import java.time.Duration;
import java.util.Objects;
import org.matrixas.bridge.irc.IrcBridge;
import org.matrixas.bridge.irc.config.BridgeConfig;

/**
 * The IRC bridge of a {@link MatrixTest}, started healthy (registered with the homeserver, its bots connected
 * to IRC). {@link #restart()} stops it and starts it again on the same store and port.
 */
public final class TestBridge implements AutoCloseable {
    private static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(30);
    private final BridgeConfig config;
    private IrcBridge bridge;

    private TestBridge(BridgeConfig config) {
        this.config = config;
        this.bridge = startHealthy(config);
    }

    /** Starts a bridge and waits until it is healthy (the kit does it for you). */
    public static TestBridge start(BridgeConfig config) {
        return new TestBridge(Objects.requireNonNull(config, "config is null"));
    }

    private static IrcBridge startHealthy(BridgeConfig config) {
        IrcBridge b = IrcBridge.start(config);
        if (!b.awaitHealthy(HEALTHY_TIMEOUT)) {
            b.close();
            throw new IllegalStateException("the bridge did not become healthy within " + HEALTHY_TIMEOUT);
        }
        return b;
    }

    public BridgeConfig config() {
        return config;
    }

    /** The running bridge. */
    public IrcBridge bridge() {
        return bridge;
    }

    /** The port of the bridge's application service listener. */
    public int asPort() {
        return bridge.asPort();
    }

    /** Stops the bridge and starts it again on the same data folder and port. */
    public void restart() {
        int port = bridge.asPort();
        bridge.close();
        bridge = startHealthy(config.withAppService(config.appservice().withPort(port)));
    }

    @Override
    public void close() {
        bridge.close();
    }
}
