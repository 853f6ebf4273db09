package org.matrixas.bridge.irc.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import org.matrixas.bridge.irc.config.BridgeConfig;

/** Binds the {@link Lifecycle}, the system {@link Clock} and the {@link Timeouts} from the config; tests override these. */
public final class RuntimeModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Lifecycle.class);
        bind(Clock.class).toInstance(Clock.systemUTC());
    }

    @Provides
    @Singleton
    Timeouts timeouts(BridgeConfig config) {
        Timeouts d = Timeouts.defaults();
        return new Timeouts(d.ircJoin(), config.irc().reconnectInitial(), config.irc().reconnectMax(),
                d.registerInitial(), d.registerMax());
    }

}
