package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.matrixas.bridge.irc.irc.BotConnections;
import org.matrixas.bridge.irc.irc.IrcMessage;
import org.matrixas.bridge.irc.irc.IrcPrivateMessageListener;
import org.matrixas.bridge.irc.irc.Puppets;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.bridge.irc.mapping.IrcUserRef;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.bridge.irc.metrics.BridgeMetrics;
import org.matrixas.bridge.irc.runtime.SerialExecutor;
import org.matrixas.bridge.irc.store.PmRoom;
import org.matrixas.bridge.irc.store.PmRoomStore;
import org.matrixas.bridge.irc.text.IrcNames;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.InvalidIdException;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private messages both ways. An IRC user's PRIVMSG to a puppet goes into a direct room the IRC user's virtual
 * user creates (invite and {@code is_direct} for the Matrix user) the first time and reuses afterwards; a Matrix
 * user inviting a virtual user into a room makes it a PM room, which the virtual user joins. Each pair has one
 * serial queue, so the room is created once and lines keep their order.
 */
@Singleton
public final class PrivateMessages implements IrcPrivateMessageListener {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateMessages.class);
    private final PmRoomStore pms;
    private final BridgedRooms rooms;
    private final Mappings mappings;
    private final VirtualUsers users;
    private final SerialExecutor executor;
    private final BridgeMetrics metrics;
    private final Provider<Puppets> puppets;
    private final Provider<BotConnections> bots;

    @Inject
    PrivateMessages(PmRoomStore pms, BridgedRooms rooms, Mappings mappings, VirtualUsers users, SerialExecutor executor,
            BridgeMetrics metrics, Provider<Puppets> puppets, Provider<BotConnections> bots) {
        this.pms = pms;
        this.rooms = rooms;
        this.mappings = mappings;
        this.users = users;
        this.executor = executor;
        this.metrics = metrics;
        this.puppets = puppets;
        this.bots = bots;
    }

    @Override
    public void onPrivateMessage(String network, UserId matrixUser, String fromNick, IrcMessage.Kind kind,
            String text) {
        if (!IrcNames.isNick(fromNick) || puppets.get().isPuppetNick(network, fromNick)
                || bots.get().bot(network).isBridgeNick(fromNick)) {
            return; // the bridge's own connections never open PM rooms with each other
        }
        Instant now = Instant.now();
        executor.submit(key(network, fromNick, matrixUser), () -> {
            UserId virtual = mappings.network(network).userFor(fromNick);
            PmRoom pm = pms.pmRoom(network, fromNick, matrixUser).orElseGet(() -> create(network, fromNick,
                    virtual, matrixUser));
            // The channel only carries the network and the nick into the content; a PM has no channel.
            IrcMessage m = new IrcMessage(new ChannelRef(network, "#" + fromNick), fromNick, text, now, kind);
            users.send(virtual, fromNick, pm.room(), "m.room.message", IrcToMatrix.content(m), now.toEpochMilli());
            metrics.messageBridged(BridgeMetrics.Direction.IRC_TO_MATRIX, kind.metricName());
        });
    }

    private PmRoom create(String network, String nick, UserId virtual, UserId matrixUser) {
        RoomId room = users.createRoom(virtual, nick, new CreateRoomRequest(null, null, null, "trusted_private_chat",
                null, null, null, null, null, null).withInvite(List.of(matrixUser.toString()), true));
        PmRoom pm = new PmRoom(network, nick, matrixUser, room);
        pms.putPmRoom(pm);
        LOG.info("PM room {} for {} on {} and {}", room, nick, network, matrixUser);
        return pm;
    }

    /** Whether {@code e} is a real user inviting a virtual user; if so, accepts it as a PM room. */
    boolean onInvite(ClientEvent e) {
        if (!"m.room.member".equals(e.type()) || !"invite".equals(e.contentString("membership").orElse(""))
                || mappings.isBridgeUser(e.sender()) || e.stateKey() == null) {
            return false;
        }
        Optional<IrcUserRef> nick;
        try {
            nick = mappings.nickOf(UserId.parse(e.stateKey()));
        } catch (InvalidIdException ex) {
            return false;
        }
        if (nick.isEmpty() || rooms.byRoom(e.roomId()).isPresent()) {
            return false;
        }
        UserId virtual = UserId.parse(e.stateKey());
        IrcUserRef ref = nick.get();
        // The room's own queue (as MatrixToIrc uses): the room is a PM room before its next message is handled.
        executor.submit("room " + e.roomId(), () -> {
            users.ensureJoined(virtual, ref.nick(), e.roomId());
            pms.putPmRoom(new PmRoom(ref.network(), ref.nick(), e.sender(), e.roomId()));
            LOG.info("{} invited {}: {} is a PM room", e.sender(), virtual, e.roomId());
        });
        return true;
    }

    private static String key(String network, String nick, UserId matrixUser) {
        return "pm " + network + " " + IrcNames.fold(nick) + " " + matrixUser;
    }
}
