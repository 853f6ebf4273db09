package org.matrixas.bridge.irc.scrollback;

import com.google.inject.AbstractModule;

/** Binds {@link Scrollbacks}. */
public final class ScrollbackModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Scrollbacks.class);
    }
}
