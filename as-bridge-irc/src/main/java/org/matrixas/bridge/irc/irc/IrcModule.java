package org.matrixas.bridge.irc.irc;

import com.google.inject.AbstractModule;

/**
 * Binds the IRC side: {@link IrcClientFactory} (override it to change how connections are made),
 * {@link BotConnections} and {@link Puppets}. The {@link IrcMessageListener} is bound by the Matrix side.
 */
public final class IrcModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(IrcClientFactory.class);
        bind(BotConnections.class);
        bind(Puppets.class);
    }
}
