package org.matrixas.bridge.irc.irc;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.kicl.IrcThreads;
import org.matrixas.bridge.irc.runtime.Lifecycle;

/**
 * Binds the IRC side: the shared {@link IrcThreads} (registered with the lifecycle first, so it stops after every
 * connection), {@link Reconnects}, {@link IrcClientFactory} (override it to change how connections are made),
 * {@link BotConnections} and {@link Puppets}. The {@link IrcMessageListener} is bound by the Matrix side.
 */
public final class IrcModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(IrcClientFactory.class);
        bind(BotConnections.class);
        bind(Puppets.class);
    }

    @Provides
    @Singleton
    IrcThreads ircThreads(BridgeConfig config, Lifecycle lifecycle) {
        return lifecycle.register("IRC threads", IrcThreads.create(config.irc().eventLoopThreads()));
    }

    @Provides
    @Singleton
    Reconnects reconnects(BridgeConfig config, IrcThreads threads,
            org.matrixas.bridge.irc.metrics.BridgeMetrics metrics) {
        return new Reconnects(threads.scheduler(), config.irc().reconnectMaxConcurrent(),
                metrics::reconnectScheduled);
    }
}
