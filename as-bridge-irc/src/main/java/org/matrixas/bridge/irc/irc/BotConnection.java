package org.matrixas.bridge.irc.irc;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import net.engio.mbassy.listener.Handler;
import org.kitteh.irc.client.library.element.MessageTag;
import org.kitteh.irc.client.library.element.User;
import org.kitteh.irc.client.library.event.capabilities.CapabilitiesSupportedListEvent;
import org.kitteh.irc.client.library.event.channel.ChannelCtcpEvent;
import org.kitteh.irc.client.library.event.channel.ChannelMessageEvent;
import org.kitteh.irc.client.library.event.channel.ChannelNoticeEvent;
import org.kitteh.irc.client.library.event.helper.ServerMessageEvent;
import org.kitteh.irc.client.library.feature.CapabilityManager;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.bridge.irc.mapping.FixedMappings;
import org.matrixas.bridge.irc.text.IrcNames;

/**
 * The bridge's bot on one network: it joins the configured channels, asks for IRCv3 {@code server-time}, and
 * hands every channel line to the {@link IrcMessageListener}, except lines from itself or from the bridge's
 * puppets (those came from Matrix and must not echo back).
 */
public final class BotConnection implements AutoCloseable {
    private final NetworkConfig network;
    private final IrcSession session;
    private final IrcMessageListener listener;
    private final PuppetNicks puppets;
    private final Clock clock;
    private final IrcChannelEventListener channelEvents;
    private final Supplier<CompletableFuture<Void>> written;

    BotConnection(NetworkConfig network, IrcSession session, IrcMessageListener listener, PuppetNicks puppets,
            Clock clock, IrcChannelEventListener channelEvents, Supplier<CompletableFuture<Void>> written) {
        this.channelEvents = channelEvents;
        this.written = written;
        this.network = network;
        this.session = session;
        this.listener = listener;
        this.puppets = puppets;
        this.clock = clock;
    }

    /** Connects and joins {@code channels} once registered (and again after every reconnect). */
    void start(Collection<String> channels) {
        channels.forEach(c -> session.joinAsync(c, FixedMappings.keyOf(network, c)));
        session.start(new Events(), new BotMembershipEvents(this, channelEvents, clock),
                new BotModeEvents(this, channelEvents));
    }

    public IrcSession session() {
        return session;
    }

    /**
     * Says {@code lines} in {@code target} for someone else (relay mode, {@code puppets: false}); completes once
     * the server has read them, like {@link PuppetConnection#sayLines}.
     */
    public CompletableFuture<Void> sayLines(String target, IrcMessage.Kind kind, List<String> lines) {
        session.say(target, kind, lines);
        return written.get();
    }

    public String network() {
        return network.domain();
    }

    public boolean isConnected() {
        return session.isConnected();
    }

    /** Whether {@code nick} is this bot or one of the bridge's puppets on this network. */
    public boolean isBridgeNick(String nick) {
        return IrcNames.fold(nick).equals(IrcNames.fold(session.nick())) || puppets.isPuppetNick(network.domain(), nick);
    }

    /** The modes of {@code channel} and of its members as the bot knows them, if it is in the channel. */
    public Optional<IrcModeChange> modeSnapshot(String channel) {
        return BotModeEvents.snapshot(this, channel);
    }

    /** Whether {@code nick} is an operator (or half-op or above) of {@code channel}, as far as the bot knows. */
    public boolean isOperator(String channel, String nick) {
        return BotModeEvents.isOperator(this, channel, nick);
    }

    @Override
    public void close() {
        session.close();
    }

    private void deliver(ServerMessageEvent event, User actor, String channel, String text, IrcMessage.Kind kind) {
        if (session.client().isUser(actor) || isBridgeNick(actor.getNick()) || !IrcNames.isChannel(channel)) {
            return;
        }
        Instant time = event.getTag("time", MessageTag.Time.class).map(MessageTag.Time::getTime)
                .orElseGet(clock::instant);
        listener.onMessage(new IrcMessage(new ChannelRef(network.domain(), channel), actor.getNick(), text, time,
                kind));
    }

    /** KICL calls these on its event thread. Public for KICL's reflection. */
    public final class Events {
        @Handler
        public void onCapabilities(CapabilitiesSupportedListEvent e) {
            String cap = CapabilityManager.Defaults.SERVER_TIME;
            boolean offered = e.getSupportedCapabilities().stream().anyMatch(c -> c.getName().equals(cap));
            if (offered && !e.getRequests().contains(cap)) {
                e.addRequest(cap);
            }
        }

        @Handler
        public void onMessage(ChannelMessageEvent e) {
            deliver(e, e.getActor(), e.getChannel().getName(), e.getMessage(), IrcMessage.Kind.MESSAGE);
        }

        @Handler
        public void onNotice(ChannelNoticeEvent e) {
            deliver(e, e.getActor(), e.getChannel().getName(), e.getMessage(), IrcMessage.Kind.NOTICE);
        }

        @Handler
        public void onCtcp(ChannelCtcpEvent e) {
            String m = e.getMessage();
            if (m.startsWith("ACTION ")) {
                deliver(e, e.getActor(), e.getChannel().getName(), m.substring(7), IrcMessage.Kind.ACTION);
            }
        }
    }
}
