package org.matrixas.bridge.irc.admin;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.irc.BotConnections;
import org.matrixas.bridge.irc.irc.PuppetConnection;
import org.matrixas.bridge.irc.irc.Puppets;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.bridge.irc.matrix.AliasQueries;
import org.matrixas.bridge.irc.runtime.Timeouts;
import org.matrixas.bridge.irc.store.RoomMapping;
import org.matrixas.bridge.irc.store.RoomStore;
import org.matrixas.bridge.irc.text.IrcNames;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;

/**
 * {@code !join}, {@code !part} and {@code !listrooms}. Joining works like matrix-appservice-irc's: the user's
 * puppet joins the channel (with the key, if given), the channel's room is made if it does not exist yet (as an
 * alias query would), and the user is invited to it. Parting leaves the channel and removes the user from its
 * room, so their next message does not join it again.
 */
@Singleton
final class ChannelCommands {
    static final String JOIN = "!join [network] #channel [key]";
    static final String PART = "!part [network] #channel";
    static final String LISTROOMS = "!listrooms [network]";
    private final NetworkArgs networks;
    private final Puppets puppets;
    private final BotConnections bots;
    private final RoomStore rooms;
    private final AliasQueries aliases;
    private final Mappings mappings;
    private final Memberships memberships;
    private final Timeouts timeouts;

    @Inject
    ChannelCommands(BridgeConfig config, Puppets puppets, BotConnections bots, RoomStore rooms, AliasQueries aliases,
            Mappings mappings, Memberships memberships, Timeouts timeouts) {
        this.networks = new NetworkArgs(config);
        this.puppets = puppets;
        this.bots = bots;
        this.rooms = rooms;
        this.aliases = aliases;
        this.mappings = mappings;
        this.memberships = memberships;
        this.timeouts = timeouts;
    }

    String join(UserId user, AdminCommand c) {
        NetworkArgs.Target t = networks.resolve(c, 1, 2, JOIN);
        ChannelRef channel = channel(t.network(), t.args().get(0));
        String key = t.args().size() > 1 ? t.args().get(1) : null;
        PuppetConnection p = puppets.ensure(user, null, t.network());
        Waits.await(p.session().joinAsync(channel.channel(), key), timeouts.ircJoin(), "Joining " + channel.channel());
        // The bot relays the channel into Matrix, so it joins too (with the key: the room's alias query cannot).
        Waits.await(bots.bot(t.network()).session().joinAsync(channel.channel(), key), timeouts.ircJoin(),
                "The bridge bot joining " + channel.channel());
        RoomAlias alias = mappings.network(t.network()).aliasFor(channel.channel());
        RoomMapping room = rooms.byChannel(channel).or(() -> aliases.onAliasQuery(alias)
                ? rooms.byChannel(channel) : Optional.empty())
                .orElseThrow(() -> new AdminException("Joined " + channel.channel() + ", but its Matrix room could"
                        + " not be made; try joining " + alias + "."));
        String where = "You joined " + channel.channel() + " on " + t.network() + " as " + p.nick();
        if (memberships.isIn(room.room(), user)) {
            return where + "; you are already in its room " + room.alias() + ".";
        }
        try {
            memberships.invite(room.room(), user);
        } catch (MatrixException ex) {
            return where + ", but inviting you to " + room.alias() + " failed (" + ex.getMessage() + "): join "
                    + room.alias() + " yourself.";
        }
        return where + " and are invited to its room " + room.alias() + " (" + room.room() + ").";
    }

    String part(UserId user, AdminCommand c) {
        NetworkArgs.Target t = networks.resolve(c, 1, 1, PART);
        ChannelRef channel = channel(t.network(), t.args().get(0));
        PuppetConnection p = puppets.existing(t.network(), user).orElseThrow(() -> notConnected(t.network()));
        if (!p.session().isIn(channel.channel())) {
            throw new AdminException("You are not in " + channel.channel() + " on " + t.network() + ".");
        }
        p.session().part(channel.channel(), "left with !part");
        Optional<RoomMapping> room = rooms.byChannel(channel);
        if (room.isPresent() && memberships.isIn(room.get().room(), user)) {
            boolean removed = memberships.remove(room.get().room(), user, "left " + channel.channel() + " with !part");
            return "You left " + channel.channel() + " on " + t.network() + (removed ? " and its room "
                    + room.get().alias() + "." : "; leave its room " + room.get().alias() + " yourself.");
        }
        return "You left " + channel.channel() + " on " + t.network() + ".";
    }

    String listRooms(UserId user, AdminCommand c) {
        NetworkArgs.Target t = networks.resolve(c, 0, 0, LISTROOMS);
        PuppetConnection p = puppets.existing(t.network(), user).orElseThrow(() -> notConnected(t.network()));
        List<String> channels = p.channels();
        if (channels.isEmpty()) {
            return "You are connected to " + t.network() + " as " + p.nick() + ", in no channel.";
        }
        List<String> lines = new ArrayList<>();
        lines.add("You are in " + channels.size() + " channel" + (channels.size() == 1 ? "" : "s") + " on "
                + t.network() + " as " + p.nick() + ":");
        for (String name : channels) {
            lines.add("- " + name + rooms.byChannel(new ChannelRef(t.network(), name))
                    .map(r -> " → " + r.alias()).orElse(" (no Matrix room)"));
        }
        return String.join("\n", lines);
    }

    static ChannelRef channel(String network, String name) {
        if (!IrcNames.isChannel(name)) {
            throw new AdminException(name + " is not an IRC channel name (it starts with # or &, without spaces"
                    + " or commas).");
        }
        return new ChannelRef(network, name);
    }

    static AdminException notConnected(String network) {
        return new AdminException("You are not connected to " + network + " (send a message in a bridged room, or"
                + " !join a channel).");
    }
}
