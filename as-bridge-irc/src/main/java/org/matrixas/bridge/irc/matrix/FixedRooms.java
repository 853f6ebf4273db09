package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import java.util.Map;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.bridge.irc.mapping.NetworkMapping;
import org.matrixas.bridge.irc.runtime.SerialExecutor;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.RoomId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the bridge bot into the existing rooms of the fixed mappings. As matrix-appservice-irc does, the bot joins
 * each room at start if it can; a room it cannot join (invite-only, say) is logged with what to do, and the bot
 * joins as soon as someone invites it. IRC users' virtual users then join through {@link VirtualUsers}, which
 * asks the bot for an invite when a room refuses them. Once in, the room gets the members' channel modes as power
 * levels ({@link IrcModesToMatrix#sync}).
 */
@Singleton
public final class FixedRooms {
    private static final Logger LOG = LoggerFactory.getLogger(FixedRooms.class);
    private final Mappings mappings;
    private final HomeserverClient hs;
    private final SerialExecutor executor;
    private final Provider<BridgedRooms> bridged;
    private final Provider<IrcModesToMatrix> modes;

    @Inject
    FixedRooms(Mappings mappings, HomeserverClient hs, SerialExecutor executor, Provider<BridgedRooms> bridged,
            Provider<IrcModesToMatrix> modes) {
        this.bridged = bridged;
        this.modes = modes;
        this.mappings = mappings;
        this.hs = hs;
        this.executor = executor;
    }

    /** Tries to join every fixed room as the bot, each on its room's queue. */
    public void joinAll() {
        for (NetworkMapping n : mappings.networks()) {
            for (Map.Entry<RoomId, ChannelRef> e : n.fixed().all().entrySet()) {
                executor.submit("room " + e.getKey(), () -> join(e.getKey(), e.getValue(), false));
            }
        }
    }

    /** Whether {@code e} invites the bot into a fixed room; if so, the bot joins it. */
    public boolean onInvite(ClientEvent e) {
        if (!"m.room.member".equals(e.type()) || !"invite".equals(e.contentString("membership").orElse(""))
                || !mappings.bot().toString().equals(e.stateKey())) {
            return false;
        }
        return mappings.fixedChannelOf(e.roomId()).map(channel -> {
            executor.submit("room " + e.roomId(), () -> join(e.roomId(), channel, true));
            return true;
        }).orElse(false);
    }

    private void join(RoomId room, ChannelRef channel, boolean invited) {
        try {
            hs.join(room.toString());
            LOG.info("bridging {} on {} into {} (fixed mapping){}", channel.channel(), channel.network(), room,
                    invited ? " after an invite" : "");
            bridged.get().byRoom(room).ifPresent(modes.get()::sync);
        } catch (MatrixException e) {
            LOG.warn("cannot join {}, mapped to {} on {} ({}): invite {} to the room; the bridge joins when invited",
                    room, channel.channel(), channel.network(), e.getMessage(), mappings.bot());
        }
    }
}
