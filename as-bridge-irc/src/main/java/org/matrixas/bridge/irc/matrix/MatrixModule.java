package org.matrixas.bridge.irc.matrix;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.irc.IrcMessageListener;
import org.matrixas.bridge.irc.runtime.Lifecycle;
import org.matrixas.bridge.irc.runtime.SerialExecutor;
import org.matrixas.protocol.appservice.AppService;
import org.matrixas.protocol.client.HomeserverClient;

/**
 * Binds the Matrix side: the {@link HomeserverClient} (with the {@code as_token}), the {@link AppService}, the
 * {@link IrcMessageListener} that bridges IRC lines, the HTTP server and the worker queues.
 */
public final class MatrixModule extends AbstractModule {
    /** Worker threads shared by every room's and channel's queue. */
    static final int WORKERS = 16;

    @Override
    protected void configure() {
        bind(AppService.class).to(IrcAppService.class);
        bind(IrcMessageListener.class).to(IrcToMatrix.class);
        bind(org.matrixas.bridge.irc.irc.IrcPrivateMessageListener.class).to(PrivateMessages.class);
        bind(org.matrixas.bridge.irc.irc.IrcChannelEventListener.class).to(IrcMembershipToMatrix.class);
        bind(AppServiceHttp.class);
        bind(BridgeHealth.class);
    }

    @Provides
    @Singleton
    HomeserverClient homeserver(BridgeConfig config) {
        return HomeserverClient.create(config.homeserver().url(), config.appservice().asToken());
    }

    @Provides
    @Singleton
    SerialExecutor workers(Lifecycle lifecycle) {
        return lifecycle.register("bridge workers", new SerialExecutor("bridge-worker", WORKERS));
    }
}
