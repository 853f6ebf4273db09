package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import org.matrixas.bridge.irc.irc.BotConnections;

/** Whether the bridge can work: registered with the homeserver and every bot connected to its IRC server. */
@Singleton
public final class BridgeHealth {
    private final BotConnections bots;
    private final CompletableFuture<Void> registered = new CompletableFuture<>();

    @Inject
    BridgeHealth(BotConnections bots) {
        this.bots = bots;
    }

    public void markRegistered() {
        registered.complete(null);
    }

    public boolean isRegistered() {
        return registered.isDone();
    }

    /** Completes once the bridge is registered with the homeserver. */
    public CompletableFuture<Void> registration() {
        return registered.copy();
    }

    public boolean isHealthy() {
        return isRegistered() && bots.allConnected();
    }
}
