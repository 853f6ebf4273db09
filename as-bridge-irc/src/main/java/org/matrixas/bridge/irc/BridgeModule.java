package org.matrixas.bridge.irc;

import com.google.inject.AbstractModule;
import java.util.Objects;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.ConfigModule;
import org.matrixas.bridge.irc.irc.IrcModule;
import org.matrixas.bridge.irc.mapping.MappingModule;
import org.matrixas.bridge.irc.matrix.MatrixModule;
import org.matrixas.bridge.irc.registration.RegistrationModule;
import org.matrixas.bridge.irc.runtime.RuntimeModule;
import org.matrixas.bridge.irc.scrollback.ScrollbackModule;
import org.matrixas.bridge.irc.store.StoreModule;

/**
 * The whole bridge: one module per feature package. Swap parts with {@code Modules.override(new
 * BridgeModule(config)).with(...)}, or pass override modules to {@link IrcBridge#start(BridgeConfig,
 * com.google.inject.Module...)}.
 */
public final class BridgeModule extends AbstractModule {
    private final BridgeConfig config;

    public BridgeModule(BridgeConfig config) {
        this.config = Objects.requireNonNull(config, "config is null");
    }

    @Override
    protected void configure() {
        install(new ConfigModule(config));
        install(new RuntimeModule());
        install(new StoreModule());
        install(new MappingModule());
        install(new ScrollbackModule());
        install(new IrcModule());
        install(new MatrixModule());
        install(new RegistrationModule());
    }
}
