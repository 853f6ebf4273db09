package org.matrixas.bridge.irc.kicl;

import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.kitteh.irc.client.library.Client;
import org.matrixas.bridge.irc.config.FloodConfig;

/**
 * Puts the bridge's thread model into a KICL client builder: the shared event loop, a synchronous event manager,
 * a sending queue on the shared scheduler paced by {@link FloodConfig}, no exception-listener thread and, for
 * puppets, a tracker that only knows the client itself and a filter that drops other users' membership lines. Per
 * client only KICL's input processor and its immediate-sending thread remain. TLS connections also verify that the
 * server's certificate is for the host connected to ({@link HostNameCheck}).
 */
public final class KiclParts {
    /** The name of KICL's last inbound handler, which hands lines to the client. */
    public static final String KICL_DISPATCH = "[INPUT] Send to client";

    private KiclParts() {
    }

    /**
     * Configures {@code builder} for the shared model.
     *
     * @param tracksChannels whether the client keeps every channel member (the bot) or only itself (puppets)
     * @param pipelineHook called with each new socket channel once KICL has built its pipeline
     */
    public static Client.Builder apply(Client.Builder builder, IrcThreads threads, FloodConfig flood,
            boolean tracksChannels, Consumer<Channel> pipelineHook) {
        AtomicReference<Client> self = new AtomicReference<>();
        Consumer<Channel> checked = ((Consumer<Channel>) HostNameCheck::apply).andThen(pipelineHook);
        Consumer<Channel> hook = tracksChannels ? checked : checked.andThen(ch -> ch.pipeline()
                .addBefore(KICL_DISPATCH, OthersMembershipFilter.NAME,
                        new OthersMembershipFilter(() -> self.get() == null ? null : self.get().getNick())));
        Client.Builder.Management m = builder.management()
                .networkHandler(new SharedNetworkHandler(threads, hook))
                .eventManager(c -> {
                    SyncEventManager events = new SyncEventManager(c.getName());
                    events.registerEventListener(new PongListener(threads));
                    return events;
                })
                .messageSendingQueueSupplier(c -> threads.track(c, new ScheduledSendingQueue(threads.scheduler(), flood)));
        if (!tracksChannels) {
            m.actorTracker(c -> {
                self.set(c);
                return new SelfOnlyActorTracker(c);
            });
        }
        // A non-null exception consumer costs a thread per client; connection errors reach the session through
        // ClientConnectionEndedEvent and listener errors are logged by the event manager.
        return m.then().listeners().exception(null).then();
    }
}
