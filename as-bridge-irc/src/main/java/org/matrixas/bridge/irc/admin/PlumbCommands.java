package org.matrixas.bridge.irc.admin;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.bridge.irc.irc.BotConnections;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.bridge.irc.mapping.FixedMappings;
import org.matrixas.bridge.irc.matrix.BridgedRooms;
import org.matrixas.bridge.irc.matrix.IrcModesToMatrix;
import org.matrixas.bridge.irc.runtime.Timeouts;
import org.matrixas.bridge.irc.store.PlumbedRoom;
import org.matrixas.bridge.irc.store.PlumbedRoomStore;
import org.matrixas.bridge.irc.store.RoomMapping;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

/**
 * {@code !plumb} and {@code !unlink}, as in matrix-appservice-irc
 * (https://matrix-org.github.io/matrix-appservice-irc/latest/admin_room): bridge an existing Matrix room to a
 * channel at runtime, and undo it. The bridge has no bridge administrators, so the room decides: plumbing needs the
 * power to change the room's power levels (who runs the room), unlinking that of a moderator (50) or being the one
 * who plumbed it. The bot must be able to join the room (invited, or the room public); it joins the channel too.
 * Plumbed rooms are stored and bridged like the others ({@link BridgedRooms}) until unlinked.
 */
@Singleton
final class PlumbCommands {
    static final String PLUMB = "!plumb !room:server network #channel";
    static final String UNLINK = "!unlink !room:server network #channel";
    private final BridgeConfig config;
    private final BridgedRooms bridged;
    private final PlumbedRoomStore plumbed;
    private final PlumbTargets targets;
    private final BotConnections bots;
    private final Timeouts timeouts;
    private final IrcModesToMatrix modes;

    @Inject
    PlumbCommands(BridgeConfig config, BridgedRooms bridged, PlumbedRoomStore plumbed, PlumbTargets targets,
            BotConnections bots, Timeouts timeouts, IrcModesToMatrix modes) {
        this.modes = modes;
        this.config = config;
        this.bridged = bridged;
        this.plumbed = plumbed;
        this.targets = targets;
        this.bots = bots;
        this.timeouts = timeouts;
    }

    /** One at a time: two plumbs of one room from two admin rooms must not both pass the "not bridged" check. */
    synchronized String plumb(UserId user, AdminCommand c) {
        Args a = args(c, PLUMB);
        bridged.byRoom(a.room()).ifPresent(m -> {
            throw new AdminException(a.room() + " is already bridged to " + m.channel().channel() + " on "
                    + m.channel().network() + ".");
        });
        targets.refuseSpecial(a.room());
        PlumbTargets.Entry entry = targets.enter(a.room());
        try {
            checkMayPlumb(a.room(), user);
            String key = FixedMappings.keyOf(a.networkConfig(), a.channel().channel());
            Waits.await(bots.bot(a.channel().network()).session().joinAsync(a.channel().channel(), key),
                    timeouts.ircJoin(), "The bridge bot joining " + a.channel().channel());
        } catch (RuntimeException e) {
            entry.undo();
            throw e;
        }
        plumbed.putPlumbed(new PlumbedRoom(a.channel(), a.room(), user));
        bridged.byRoom(a.room()).ifPresent(modes::sync);
        String where = a.room() + " " + a.channel().network() + " " + a.channel().channel();
        return "Bridged " + a.room() + " to " + a.channel().channel() + " on " + a.channel().network()
                + ": messages flow both ways from now on. !unlink " + where + " undoes it.";
    }

    private void checkMayPlumb(RoomId room, UserId user) {
        RoomPowers powers = targets.powers(room);
        int needed = powers.plumbLevel();
        if (!targets.isJoined(room, user) || powers.levelOf(user) < needed) {
            throw new AdminException("You need to be in " + room + " with power level " + needed + " (enough to"
                    + " change its power levels) to bridge it; you have " + powers.levelOf(user) + ".");
        }
    }

    synchronized String unlink(UserId user, AdminCommand c) {
        Args a = args(c, UNLINK);
        Optional<PlumbedRoom> p = plumbed.plumbedRoom(a.room()).filter(r -> r.channel().sameChannel(a.channel()));
        if (p.isEmpty()) {
            Optional<RoomMapping> other = bridged.byRoom(a.room());
            throw new AdminException(other.filter(m -> m.channel().sameChannel(a.channel())).isPresent()
                    ? a.room() + " is bridged to " + a.channel().channel() + " by the bridge's config or as the"
                            + " channel's own room, not with !plumb: it cannot be unlinked."
                    : a.room() + " is not bridged to " + a.channel().channel() + " on " + a.channel().network()
                            + " with !plumb.");
        }
        if (!p.get().plumber().equals(user)) {
            int level = targets.powers(a.room()).levelOf(user);
            if (level < RoomPowers.MODERATOR) {
                throw new AdminException("Only " + p.get().plumber() + ", who bridged it, or a moderator of "
                        + a.room() + " (power level " + RoomPowers.MODERATOR + ") can unlink it; you have " + level
                        + ".");
            }
        }
        plumbed.removePlumbed(a.room());
        targets.removeVirtualUsers(a.room(), a.channel().network());
        boolean left = targets.leaveIfUnused(a.room());
        partIfUnused(a.channel(), a.networkConfig());
        return "Unlinked " + a.room() + " from " + a.channel().channel() + " on " + a.channel().network()
                + (left ? "; the bridge bot left the room." : ".");
    }

    /** The bot leaves a channel no room bridges any more, unless the config names it. */
    private void partIfUnused(ChannelRef channel, NetworkConfig network) {
        boolean configured = network.channels().stream().anyMatch(ch -> new ChannelRef(network.domain(), ch)
                .sameChannel(channel));
        if (!configured && bridged.byChannel(channel).isEmpty()) {
            bots.bot(channel.network()).session().part(channel.channel(), "No longer bridged");
        }
    }

    private record Args(RoomId room, ChannelRef channel, NetworkConfig networkConfig) {
    }

    private Args args(AdminCommand c, String usage) {
        List<String> args = c.args();
        if (args.size() != 3) {
            throw new AdminException("Usage: " + usage);
        }
        RoomId room = targets.roomId(args.get(0));
        NetworkConfig network = config.network(args.get(1)).orElseThrow(() -> new AdminException("Unknown network "
                + args.get(1) + " (networks: " + String.join(", ", new NetworkArgs(config).all()) + ")."));
        return new Args(room, ChannelCommands.channel(network.domain(), args.get(2)), network);
    }
}
