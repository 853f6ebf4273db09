package org.matrixas.bridge.irc.irc;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.kitteh.irc.client.library.Client;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.bridge.irc.runtime.Backoff;
import org.matrixas.bridge.irc.runtime.Lifecycle;
import org.matrixas.bridge.irc.runtime.Timeouts;
import org.matrixas.bridge.irc.store.PlumbedRoom;
import org.matrixas.bridge.irc.store.PlumbedRoomStore;
import org.matrixas.bridge.irc.store.RoomMapping;
import org.matrixas.bridge.irc.store.RoomStore;

/** The bot connection of every network; {@link #start()} connects them all (without waiting). */
@Singleton
public final class BotConnections {
    private final BridgeConfig config;
    private final IrcClientFactory factory;
    private final IrcMessageListener listener;
    private final Puppets puppets;
    private final RoomStore rooms;
    private final Clock clock;
    private final Timeouts timeouts;
    private final Lifecycle lifecycle;
    private final Reconnects reconnects;
    private final IrcChannelEventListener channelEvents;
    private final PlumbedRoomStore plumbed;
    private final Map<String, BotConnection> bots = new LinkedHashMap<>();

    @Inject
    BotConnections(BridgeConfig config, IrcClientFactory factory, IrcMessageListener listener, Puppets puppets,
            RoomStore rooms, Clock clock, Timeouts timeouts, Lifecycle lifecycle, Reconnects reconnects,
            IrcChannelEventListener channelEvents, PlumbedRoomStore plumbed) {
        this.plumbed = plumbed;
        this.channelEvents = channelEvents;
        this.reconnects = reconnects;
        this.config = config;
        this.factory = factory;
        this.listener = listener;
        this.puppets = puppets;
        this.rooms = rooms;
        this.clock = clock;
        this.timeouts = timeouts;
        this.lifecycle = lifecycle;
    }

    /** Connects each network's bot; it joins the configured channels and those of bridged and plumbed rooms. */
    public synchronized void start() {
        for (NetworkConfig n : config.networks()) {
            Set<String> channels = new LinkedHashSet<>(n.channels());
            n.mappings().forEach(m -> channels.add(m.channel()));
            rooms.all().stream().map(RoomMapping::channel).filter(c -> c.network().equals(n.domain()))
                    .forEach(c -> channels.add(c.channel()));
            plumbed.allPlumbed().stream().map(PlumbedRoom::channel).filter(c -> c.network().equals(n.domain()))
                    .forEach(c -> channels.add(c.channel()));
            Client client = factory.create(n, IrcClientFactory.Role.BOT, "bot-" + n.domain(), n.botNick(), "bridge",
                    "Matrix bridge");
            IrcAuth.configure(client, n, n.botNick(), java.util.Optional.ofNullable(n.botPassword()));
            IrcSession session = new IrcSession(n.domain() + "/bot", client,
                    new Backoff(timeouts.reconnectInitial(), timeouts.reconnectMax()), reconnects);
            BotConnection bot = new BotConnection(n, session, listener, puppets, clock, channelEvents,
                    () -> factory.whenWritten(client));
            bots.put(n.domain(), lifecycle.register("IRC bot of " + n.domain(), bot));
            bot.start(channels);
        }
    }

    public synchronized BotConnection bot(String network) {
        BotConnection b = bots.get(network);
        if (b == null) {
            throw new IrcException("no bot for network " + network + " (not started?)");
        }
        return b;
    }

    public synchronized java.util.List<BotConnection> all() {
        return java.util.List.copyOf(bots.values());
    }

    /** Whether every network's bot is registered with its server. */
    public synchronized boolean allConnected() {
        return !bots.isEmpty() && bots.values().stream().allMatch(BotConnection::isConnected);
    }
}
