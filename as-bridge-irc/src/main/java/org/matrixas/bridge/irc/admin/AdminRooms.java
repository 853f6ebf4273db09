package org.matrixas.bridge.irc.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.Optional;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.bridge.irc.matrix.BridgedRooms;
import org.matrixas.bridge.irc.runtime.SerialExecutor;
import org.matrixas.bridge.irc.store.AdminRoom;
import org.matrixas.bridge.irc.store.AdminRoomStore;
import org.matrixas.bridge.irc.store.PmRoomStore;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.RoomId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin rooms, as in matrix-appservice-irc (https://matrix-org.github.io/matrix-appservice-irc/latest/admin_room):
 * a real Matrix user who invites the bridge bot into a direct chat that is neither a channel room nor a PM room
 * makes it their admin room; the bot joins and the room is stored. There, messages of the owner that start with {@code !}
 * are commands ({@link AdminCommands}), answered with {@code m.notice}; anyone else's are ignored, and nothing is
 * relayed to IRC. When the owner leaves, the bot leaves and forgets the room. Each room's commands run in order on
 * the room's worker queue.
 */
@Singleton
public final class AdminRooms {
    private static final Logger LOG = LoggerFactory.getLogger(AdminRooms.class);
    private final AdminRoomStore store;
    private final BridgedRooms rooms;
    private final PmRoomStore pms;
    private final Mappings mappings;
    private final HomeserverClient hs;
    private final SerialExecutor executor;
    private final AdminCommands commands;
    private final AdminReplies replies;
    /** Every event of every room is checked here first: keep the answers in memory. */
    private final Cache<RoomId, Optional<AdminRoom>> cache = Caffeine.newBuilder().maximumSize(10_000)
            .executor(Runnable::run).build();

    @Inject
    AdminRooms(AdminRoomStore store, BridgedRooms rooms, PmRoomStore pms, Mappings mappings, HomeserverClient hs,
            SerialExecutor executor, AdminCommands commands, AdminReplies replies) {
        this.store = store;
        this.rooms = rooms;
        this.pms = pms;
        this.mappings = mappings;
        this.hs = hs;
        this.executor = executor;
        this.commands = commands;
        this.replies = replies;
    }

    /** Whether {@code e} is the bot's invite into a new admin room, or any event of an admin room; handles it. */
    public boolean onEvent(ClientEvent e) {
        if (isInviteOfBot(e)) {
            return acceptInvite(e);
        }
        Optional<AdminRoom> admin = adminRoom(e.roomId());
        if (admin.isEmpty()) {
            return false;
        }
        AdminRoom room = admin.get();
        if ("m.room.message".equals(e.type()) && !e.isState() && e.sender().equals(room.owner())) {
            AdminCommand.parse(e.contentString("body").orElse("")).ifPresent(c ->
                    executor.submit("room " + e.roomId(), () -> replies.notice(e.roomId(), commands.run(e, c))));
        } else if (isOwnerLeaving(e, room)) {
            executor.submit("room " + e.roomId(), () -> forget(room));
        }
        return true;
    }

    private boolean isInviteOfBot(ClientEvent e) {
        return "m.room.member".equals(e.type()) && mappings.bot().toString().equals(e.stateKey())
                && "invite".equals(e.contentString("membership").orElse("")) && !mappings.isBridgeUser(e.sender());
    }

    /**
     * An invite into a channel room (dynamic, fixed or plumbed) or a PM room is not an admin room: those work as
     * they are. Nor is an invite not marked direct ({@code is_direct}, as clients mark a new direct chat): the bot
     * is being asked into a group room, which {@code !plumb} may bridge; the invite waits for that.
     */
    private boolean acceptInvite(ClientEvent e) {
        if (rooms.byRoom(e.roomId()).isPresent() || pms.pmRoom(e.roomId()).isPresent()) {
            return false;
        }
        if (!e.content().path("is_direct").asBoolean(false)) {
            LOG.info("{} invited the bot into {}, not as a direct chat: waiting for a !plumb of it", e.sender(),
                    e.roomId());
            return true;
        }
        AdminRoom room = new AdminRoom(e.roomId(), e.sender());
        // At once, not after the join: a command sent meanwhile queues behind the join instead of being dropped.
        cache.put(room.room(), Optional.of(room));
        executor.submit("room " + e.roomId(), () -> {
            try {
                hs.join(e.roomId().toString());
            } catch (MatrixException ex) {
                LOG.warn("admin room {} of {}: cannot join ({})", e.roomId(), e.sender(), ex.getMessage());
                cache.invalidate(room.room());
                return;
            }
            store.putAdminRoom(room);
            LOG.info("{} is the admin room of {}", room.room(), room.owner());
            replies.notice(room.room(), "This is your admin room for the IRC bridge: commands you send here start"
                    + " with ! and nothing here goes to IRC. Send !help for the list.");
        });
        return true;
    }

    private static boolean isOwnerLeaving(ClientEvent e, AdminRoom room) {
        String membership = e.contentString("membership").orElse("");
        return "m.room.member".equals(e.type()) && room.owner().toString().equals(e.stateKey())
                && ("leave".equals(membership) || "ban".equals(membership));
    }

    private void forget(AdminRoom room) {
        store.removeAdminRoom(room.room());
        cache.put(room.room(), Optional.empty());
        try {
            hs.leave(room.room());
        } catch (MatrixException ex) {
            LOG.debug("leaving the old admin room {}: {}", room.room(), ex.getMessage());
        }
        LOG.info("{} left their admin room {}; forgotten", room.owner(), room.room());
    }

    private Optional<AdminRoom> adminRoom(RoomId room) {
        return cache.get(room, store::adminRoom);
    }
}
