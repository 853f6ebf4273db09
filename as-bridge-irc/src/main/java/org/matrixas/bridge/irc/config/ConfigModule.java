package org.matrixas.bridge.irc.config;

import com.google.inject.AbstractModule;
import java.util.Objects;

/** Binds the validated {@link BridgeConfig}. */
public final class ConfigModule extends AbstractModule {
    private final BridgeConfig config;

    public ConfigModule(BridgeConfig config) {
        this.config = ConfigValidator.validateForRun(Objects.requireNonNull(config, "config is null"));
    }

    @Override
    protected void configure() {
        bind(BridgeConfig.class).toInstance(config);
        bind(HomeserverConfig.class).toInstance(config.homeserver());
        bind(AppServiceConfig.class).toInstance(config.appservice());
    }
}
