package org.matrixas.bridge.irc.admin;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.bridge.irc.mapping.NetworkMapping;
import org.matrixas.bridge.irc.matrix.BridgedRooms;
import org.matrixas.bridge.irc.matrix.VirtualUsers;
import org.matrixas.bridge.irc.store.AdminRoomStore;
import org.matrixas.bridge.irc.store.PmRoomStore;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.InvalidIdException;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Matrix side of {@code !plumb} and {@code !unlink}: the target room, the bot's way in and out, its powers. */
@Singleton
final class PlumbTargets {
    private static final Logger LOG = LoggerFactory.getLogger(PlumbTargets.class);
    private final HomeserverClient hs;
    private final Mappings mappings;
    private final Memberships memberships;
    private final AdminRoomStore adminRooms;
    private final PmRoomStore pms;
    private final BridgedRooms bridged;
    private final VirtualUsers virtualUsers;

    @Inject
    PlumbTargets(HomeserverClient hs, Mappings mappings, Memberships memberships, AdminRoomStore adminRooms,
            PmRoomStore pms, BridgedRooms bridged, VirtualUsers virtualUsers) {
        this.virtualUsers = virtualUsers;
        this.hs = hs;
        this.mappings = mappings;
        this.memberships = memberships;
        this.adminRooms = adminRooms;
        this.pms = pms;
        this.bridged = bridged;
    }

    /** The bot in a room it may have just joined; {@link #undo} takes it out again if it went in uninvited. */
    final class Entry {
        private final RoomId room;
        private final boolean wasJoined;

        private Entry(RoomId room, boolean wasJoined) {
            this.room = room;
            this.wasJoined = wasJoined;
        }

        /**
         * After a refused plumb: the bot leaves a public room it joined by itself, but stays where it was invited,
         * since it could not come back without a new invite (the room's own moderator may plumb it next).
         */
        void undo() {
            if (!wasJoined && "public".equals(joinRule(room))) {
                leave(room);
            }
        }
    }

    /** A room ID, or the room an alias points to. */
    RoomId roomId(String arg) {
        try {
            if (arg.startsWith("#")) {
                RoomAlias alias = RoomAlias.parse(arg);
                return hs.resolveAlias(alias).orElseThrow(() -> new AdminException("No room has the alias "
                        + alias + "."));
            }
            return RoomId.parse(arg);
        } catch (InvalidIdException e) {
            throw new AdminException(arg + " is not a room ID like !abc:example.org (" + e.getMessage() + ").");
        }
    }

    /** Admin and PM rooms keep their own purpose. */
    void refuseSpecial(RoomId room) {
        if (adminRooms.adminRoom(room).isPresent()) {
            throw new AdminException(room + " is an admin room of the bridge; it cannot be bridged to a channel.");
        }
        if (pms.pmRoom(room).isPresent()) {
            throw new AdminException(room + " is a private-message room of the bridge; it cannot be bridged to a"
                    + " channel.");
        }
    }

    /** Joins {@code room} as the bot (a no-op when it is in already). */
    Entry enter(RoomId room) {
        boolean wasJoined = isJoined(room, mappings.bot());
        if (!wasJoined) {
            try {
                hs.join(room.toString());
            } catch (MatrixException e) {
                throw new AdminException("The bridge bot cannot join " + room + " (" + e.getMessage() + "): invite "
                        + mappings.bot() + " into the room first, then send the command again.");
            }
        }
        return new Entry(room, wasJoined);
    }

    boolean isJoined(RoomId room, UserId user) {
        return "join".equals(memberships.of(room, user));
    }

    /** The room's power levels as the bot reads them (it must be in the room). */
    RoomPowers powers(RoomId room) {
        try {
            Optional<UserId> creator = hs.state(room, "m.room.create", "").flatMap(c -> Optional.ofNullable(
                    c.path("creator").textValue())).map(UserId::parse);
            return new RoomPowers(hs.state(room, "m.room.power_levels", ""), creator);
        } catch (MatrixException | InvalidIdException e) {
            throw new AdminException("The bridge bot cannot read the power levels of " + room + " ("
                    + e.getMessage() + ").");
        }
    }

    /** The bot leaves {@code room} unless it is still bridged; whether it left. */
    boolean leaveIfUnused(RoomId room) {
        return bridged.byRoom(room).isEmpty() && adminRooms.adminRoom(room).isEmpty() && leave(room);
    }

    /**
     * After an unlink: the IRC users' virtual users of {@code network} leave {@code room}, which no longer bridges
     * their channel (a room still bridged keeps them). Read as the bot, so call it before the bot leaves.
     */
    void removeVirtualUsers(RoomId room, String network) {
        if (bridged.byRoom(room).isPresent()) {
            return;
        }
        List<UserId> members;
        try {
            members = hs.joinedMembers(room);
        } catch (MatrixException e) {
            LOG.info("cannot list the members of {} to take the IRC users out: {}", room, e.getMessage());
            return;
        }
        NetworkMapping n = mappings.network(network);
        members.stream().filter(n::isVirtual).forEach(u -> virtualUsers.leave(u, room));
    }

    private boolean leave(RoomId room) {
        try {
            hs.leave(room);
            return true;
        } catch (MatrixException e) {
            LOG.info("the bot could not leave {}: {}", room, e.getMessage());
            return false;
        }
    }

    private String joinRule(RoomId room) {
        try {
            return hs.state(room, "m.room.join_rules", "").map(c -> c.path("join_rule").asText("")).orElse("");
        } catch (MatrixException e) {
            return "";
        }
    }
}
