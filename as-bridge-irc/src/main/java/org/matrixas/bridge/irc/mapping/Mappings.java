package org.matrixas.bridge.irc.mapping;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;

/**
 * The ID mappings of every configured network, and the namespaces the bridge claims: each network's virtual users
 * and aliases, and the bridge bot, all exclusive.
 */
@Singleton
public final class Mappings {
    private final Map<String, NetworkMapping> byNetwork = new LinkedHashMap<>();
    private final UserId bot;

    @Inject
    public Mappings(BridgeConfig config) {
        String server = config.homeserver().domain();
        for (NetworkConfig n : config.networks()) {
            byNetwork.put(n.domain(), new NetworkMapping(n, server));
        }
        this.bot = UserId.of(config.appservice().senderLocalpart(), server);
    }

    /** The bridge bot's Matrix user ({@code sender_localpart}). */
    public UserId bot() {
        return bot;
    }

    public NetworkMapping network(String domain) {
        NetworkMapping m = byNetwork.get(domain);
        if (m == null) {
            throw new IllegalArgumentException("no network " + domain);
        }
        return m;
    }

    public Optional<ChannelRef> channelOf(RoomAlias alias) {
        for (NetworkMapping m : byNetwork.values()) {
            Optional<ChannelRef> c = m.channelOf(alias);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** The channel a room is bridged to by a fixed mapping ({@code networks[].mappings}). */
    public Optional<ChannelRef> fixedChannelOf(RoomId room) {
        for (NetworkMapping m : byNetwork.values()) {
            Optional<ChannelRef> c = m.fixed().channelOf(room);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** Every network's mapping, in config order. */
    public List<NetworkMapping> networks() {
        return List.copyOf(byNetwork.values());
    }

    public Optional<IrcUserRef> nickOf(UserId user) {
        for (NetworkMapping m : byNetwork.values()) {
            Optional<IrcUserRef> n = m.nickOf(user);
            if (n.isPresent()) {
                return n;
            }
        }
        return Optional.empty();
    }

    /** Whether {@code user} is the bot or inside a network's virtual-user space; such users are never bridged back. */
    public boolean isBridgeUser(UserId user) {
        return user.equals(bot) || byNetwork.values().stream().anyMatch(m -> m.isVirtual(user));
    }

    /** The exclusive namespaces for the registration. */
    public Namespaces namespaces() {
        List<Namespace> users = new ArrayList<>();
        List<Namespace> aliases = new ArrayList<>();
        users.add(Namespace.exclusive("@" + Regexes.quote(bot.localpart()) + ":" + Regexes.quote(bot.server())));
        for (NetworkMapping m : byNetwork.values()) {
            users.add(Namespace.exclusive(m.userRegex()));
            aliases.add(Namespace.exclusive(m.aliasRegex()));
        }
        return new Namespaces(users, aliases, List.of());
    }
}
