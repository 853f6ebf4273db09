package org.matrixas.bridge.irc.registration;

import com.google.inject.AbstractModule;

/** Binds the {@link ApiRegistrar}. */
public final class RegistrationModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ApiRegistrar.class);
    }
}
