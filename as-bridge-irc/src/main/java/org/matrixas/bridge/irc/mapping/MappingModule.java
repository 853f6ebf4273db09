package org.matrixas.bridge.irc.mapping;

import com.google.inject.AbstractModule;

/** Binds {@link Mappings} (a singleton built from the config). */
public final class MappingModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Mappings.class);
    }
}
