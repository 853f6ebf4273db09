package org.matrixas.bridge.irc;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.ConfigValidator;
import org.matrixas.bridge.irc.irc.BotConnection;
import org.matrixas.bridge.irc.irc.BotConnections;
import org.matrixas.bridge.irc.irc.IrcException;
import org.matrixas.bridge.irc.matrix.AppServiceHttp;
import org.matrixas.bridge.irc.matrix.BridgeHealth;
import org.matrixas.bridge.irc.runtime.Lifecycle;

/**
 * A running bridge, for {@code Main} and for embedding (tests, the testkit). {@link #start} returns once the HTTP
 * server listens and the IRC connections are under way; registration and IRC registration finish in the
 * background ({@link #isHealthy()}, {@link #awaitHealthy(Duration)}). {@link #close()} stops every connection,
 * thread and socket the bridge started.
 *
 * <pre>{@code
 * BridgeConfig config = BridgeConfig.of(HomeserverConfig.of("http://127.0.0.1:8008", "hs.example"),
 *         AppServiceConfig.of("as-secret", null), dataDir,
 *         List.of(NetworkConfig.of("irc.example", "127.0.0.1", 6667).withChannels(List.of("#matrix"))));
 * try (IrcBridge bridge = IrcBridge.start(config)) {
 *     bridge.awaitHealthy(Duration.ofSeconds(30));
 *     int port = bridge.asPort();
 * }
 * }</pre>
 */
public final class IrcBridge implements AutoCloseable {
    private final Injector injector;
    private final Lifecycle lifecycle;

    private IrcBridge(Injector injector) {
        this.injector = injector;
        this.lifecycle = injector.getInstance(Lifecycle.class);
    }

    /** Validates {@code config} and starts a bridge. */
    public static IrcBridge start(BridgeConfig config) {
        return start(config, new Module[0]);
    }

    /** Starts a bridge with some bindings replaced (e.g. a fixed {@code Clock}, shorter {@code Timeouts}). */
    public static IrcBridge start(BridgeConfig config, Module... overrides) {
        ConfigValidator.validateForRun(config);
        Injector injector = Guice.createInjector(Modules.override(new BridgeModule(config)).with(overrides));
        IrcBridge bridge = new IrcBridge(injector);
        try {
            injector.getInstance(BridgeRuntime.class).start();
        } catch (RuntimeException e) {
            bridge.close();
            throw e;
        }
        return bridge;
    }

    /** The port of the application service HTTP server. */
    public int asPort() {
        return injector.getInstance(AppServiceHttp.class).port();
    }

    /** Registered with the homeserver and every bot connected to IRC (what {@code GET /health} reports). */
    public boolean isHealthy() {
        return injector.getInstance(BridgeHealth.class).isHealthy();
    }

    /** Waits up to {@code timeout} for {@link #isHealthy()}; returns whether it became healthy. */
    public boolean awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            injector.getInstance(BridgeHealth.class).registration().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            for (BotConnection bot : injector.getInstance(BotConnections.class).all()) {
                bot.session().awaitReady(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
        } catch (TimeoutException | ExecutionException | IrcException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return isHealthy();
    }

    /**
     * How many lines the bridge holds as scroll-back for {@code channel} on {@code network} (the network's
     * domain), waiting for the channel's Matrix room to be created or first joined.
     */
    public int scrollbackSize(String network, String channel) {
        return injector.getInstance(org.matrixas.bridge.irc.scrollback.Scrollbacks.class)
                .recent(new org.matrixas.bridge.irc.mapping.ChannelRef(network, channel)).size();
    }

    /** A component of this bridge (tests). */
    <T> T instance(Class<T> type) {
        return injector.getInstance(type);
    }

    @Override
    public void close() {
        lifecycle.close();
    }
}
