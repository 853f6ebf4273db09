package org.matrixas.bridge.irc.irc;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kitteh.irc.client.library.Client;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.bridge.irc.mapping.PuppetNickTemplate;
import org.matrixas.bridge.irc.runtime.Backoff;
import org.matrixas.bridge.irc.runtime.Timeouts;
import org.matrixas.bridge.irc.store.PuppetNickStore;
import org.matrixas.bridge.irc.text.IrcNames;
import org.matrixas.protocol.id.UserId;

/**
 * The puppets of Matrix users, one connection per user and network, created on first use. The nick comes from
 * the store (the user's previous nick) or the network's nick template, cut to the server's NICKLEN as the bot
 * learnt it.
 */
@Singleton
public final class Puppets implements PuppetNicks, AutoCloseable {
    private final BridgeConfig config;
    private final IrcClientFactory factory;
    private final PuppetNickStore nicks;
    private final Timeouts timeouts;
    private final Provider<BotConnections> bots;
    private final Reconnects reconnects;
    private final Map<String, PuppetConnection> puppets = new ConcurrentHashMap<>();
    private volatile boolean closed;

    @Inject
    Puppets(BridgeConfig config, IrcClientFactory factory, PuppetNickStore nicks, Timeouts timeouts,
            Provider<BotConnections> bots, Reconnects reconnects) {
        this.reconnects = reconnects;
        this.config = config;
        this.factory = factory;
        this.nicks = nicks;
        this.timeouts = timeouts;
        this.bots = bots;
    }

    /**
     * The puppet of {@code user}, registered on the channel's network and joined to it; waits up to
     * {@link Timeouts#ircJoin()} for each.
     */
    public PuppetConnection ensure(UserId user, String displayName, ChannelRef channel) {
        if (closed) {
            throw new IrcException("puppets are closed");
        }
        PuppetConnection p = puppets.computeIfAbsent(key(channel.network(), user),
                k -> open(channel.network(), user, displayName));
        p.session().awaitReady(timeouts.ircJoin());
        p.session().join(channel.channel(), timeouts.ircJoin());
        return p;
    }

    @Override
    public boolean isPuppetNick(String network, String nick) {
        String folded = IrcNames.fold(nick);
        String prefix = network + " ";
        return puppets.entrySet().stream().anyMatch(e -> e.getKey().startsWith(prefix)
                && IrcNames.fold(e.getValue().nick()).equals(folded));
    }

    /** The Matrix user whose puppet on {@code network} has {@code nick}, if any. */
    public java.util.Optional<UserId> userOfNick(String network, String nick) {
        String folded = IrcNames.fold(nick);
        return puppets.values().stream().filter(p -> p.session().label().startsWith(network + "/"))
                .filter(p -> IrcNames.fold(p.nick()).equals(folded)).map(PuppetConnection::user).findFirst();
    }

    /** The puppet of {@code user} on {@code network} if it is connected; never creates one. */
    public java.util.Optional<PuppetConnection> existing(String network, UserId user) {
        return java.util.Optional.ofNullable(puppets.get(key(network, user)));
    }

    private PuppetConnection open(String network, UserId user, String displayName) {
        NetworkConfig n = config.network(network).orElseThrow();
        int nickLen = bots.get().bot(network).session().nickLength();
        String nick = nicks.nick(network, user).map(s -> PuppetNickTemplate.cut(s, nickLen))
                .orElseGet(() -> new PuppetNickTemplate(n.nickTemplate()).nickFor(user, displayName, nickLen));
        Client client = factory.create(n, IrcClientFactory.Role.PUPPET, "puppet-" + network + "-" + user, nick, "matrix",
                user.toString());
        IrcSession session = new IrcSession(network + "/" + nick, client,
                new Backoff(timeouts.reconnectInitial(), timeouts.reconnectMax()), reconnects);
        PuppetConnection p = new PuppetConnection(user, session, nickLen, actual -> nicks.putNick(network, user, actual));
        p.start();
        return p;
    }

    private static String key(String network, UserId user) {
        return network + " " + user;
    }

    @Override
    public void close() {
        closed = true;
        List<PuppetConnection> all = List.copyOf(puppets.values());
        puppets.clear();
        all.forEach(PuppetConnection::close);
    }
}
