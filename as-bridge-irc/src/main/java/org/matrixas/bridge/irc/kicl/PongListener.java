package org.matrixas.bridge.irc.kicl;

import java.util.List;
import net.engio.mbassy.listener.Handler;
import org.kitteh.irc.client.library.event.client.ClientReceiveCommandEvent;
import org.kitteh.irc.client.library.feature.filter.CommandFilter;

/** Hands each PONG's token to the client's sending queue, which completes the waits its PINGs stand for. */
public final class PongListener {
    private final IrcThreads threads;

    PongListener(IrcThreads threads) {
        this.threads = threads;
    }

    /** KICL calls this on its input thread. Public for KICL's reflection. */
    @Handler
    @CommandFilter("PONG")
    public void onPong(ClientReceiveCommandEvent e) {
        List<String> params = e.getParameters();
        if (!params.isEmpty()) {
            threads.ponged(e.getClient(), params.get(params.size() - 1));
        }
    }
}
