package org.matrixas.bridge.irc.runtime;

import com.google.inject.AbstractModule;
import java.time.Clock;

/** Binds the {@link Lifecycle}, the system {@link Clock} and the default {@link Timeouts}; tests override these. */
public final class RuntimeModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Lifecycle.class);
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(Timeouts.class).toInstance(Timeouts.defaults());
    }
}
