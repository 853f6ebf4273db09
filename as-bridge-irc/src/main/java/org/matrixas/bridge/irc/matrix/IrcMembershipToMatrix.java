package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.MembershipConfig;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.bridge.irc.irc.IrcChannelEvent;
import org.matrixas.bridge.irc.irc.IrcChannelEventListener;
import org.matrixas.bridge.irc.irc.IrcModeChange;
import org.matrixas.bridge.irc.irc.Puppets;
import org.matrixas.bridge.irc.kicl.IrcThreads;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.bridge.irc.runtime.SerialExecutor;
import org.matrixas.bridge.irc.store.RoomMapping;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IRC membership and topics into Matrix: a JOIN makes the virtual user join the room, PART and QUIT make it leave,
 * a NICK change moves the membership to the new nick's virtual user, a KICK is done by the bridge bot (of the
 * virtual user, or of the Matrix user whose puppet was kicked), and a topic change sets {@code m.room.topic}.
 * With the network's {@code membership.irc_to_matrix} off only kicks of puppets and topics are bridged.
 * Netsplits: a QUIT whose reason looks like {@code server.a server.b} is held back for the network's
 * {@code membership.netsplit_hold_seconds} and dropped if the user joins again in that time, so a split that heals
 * causes no Matrix churn. Mode changes go to {@link IrcModesToMatrix}.
 */
@Singleton
public final class IrcMembershipToMatrix implements IrcChannelEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(IrcMembershipToMatrix.class);
    private static final Pattern NETSPLIT = Pattern.compile("^[\\w.-]+\\.[\\w.-]+ [\\w.-]+\\.[\\w.-]+$");
    private final BridgedRooms rooms;
    private final VirtualUsers users;
    private final Mappings mappings;
    private final Puppets puppets;
    private final SerialExecutor executor;
    private final HomeserverClient hs;
    private final IrcThreads threads;
    private final BridgeConfig config;
    private final IrcModesToMatrix modes;
    private final Map<String, ScheduledFuture<?>> heldQuits = new ConcurrentHashMap<>();

    @Inject
    IrcMembershipToMatrix(BridgedRooms rooms, VirtualUsers users, Mappings mappings, Puppets puppets,
            SerialExecutor executor, HomeserverClient hs, IrcThreads threads, BridgeConfig config,
            IrcModesToMatrix modes) {
        this.config = config;
        this.modes = modes;
        this.rooms = rooms;
        this.users = users;
        this.mappings = mappings;
        this.puppets = puppets;
        this.executor = executor;
        this.hs = hs;
        this.threads = threads;
    }

    @Override
    public void onChannelEvent(IrcChannelEvent e) {
        MembershipConfig membership = membership(e.channel().network());
        if (!membership.ircToMatrix() && isMembership(e)) {
            return;
        }
        String held = e.channel().network() + " " + e.channel().key() + " " + e.nick().toLowerCase(java.util.Locale.ROOT);
        if (e.kind() == IrcChannelEvent.Kind.JOIN) {
            ScheduledFuture<?> quit = heldQuits.remove(held);
            if (quit != null && quit.cancel(false)) {
                LOG.debug("{} is back after a netsplit; no Matrix change", e.nick());
                return;
            }
        }
        if (e.kind() == IrcChannelEvent.Kind.QUIT && NETSPLIT.matcher(e.text()).matches()) {
            heldQuits.put(held, threads.scheduler().schedule(() -> {
                heldQuits.remove(held);
                submit(e);
            }, membership.netsplitHold().toMillis(), TimeUnit.MILLISECONDS));
            return;
        }
        submit(e);
    }

    @Override
    public void onModeChange(IrcModeChange change) {
        modes.onModeChange(change);
    }

    /** The serial queue of a channel's IRC side (shared with {@link IrcToMatrix}, so lines and changes keep order). */
    static String queue(ChannelRef channel) {
        return "irc " + channel.network() + " " + channel.key();
    }

    private MembershipConfig membership(String network) {
        return config.network(network).map(NetworkConfig::membership).orElseGet(MembershipConfig::defaults);
    }

    /** JOIN, PART, QUIT, NICK and kicks of IRC users: what {@code irc_to_matrix} turns off. */
    private static boolean isMembership(IrcChannelEvent e) {
        return switch (e.kind()) {
            case JOIN, PART, QUIT, NICK -> true;
            case KICK -> !e.targetIsBridge();
            default -> false;
        };
    }

    /** Whether a quit of {@code nick} in the channel is being held back as a possible netsplit (tests). */
    public boolean isHeld(String network, String channelKey, String nick) {
        return heldQuits.containsKey(network + " " + channelKey + " " + nick.toLowerCase(java.util.Locale.ROOT));
    }

    private void submit(IrcChannelEvent e) {
        executor.submit(queue(e.channel()), () ->
                rooms.byChannel(e.channel()).forEach(room -> apply(room, e)));
    }

    private void apply(RoomMapping room, IrcChannelEvent e) {
        try {
            switch (e.kind()) {
                case JOIN -> users.ensureJoined(virtual(e, e.nick()), e.nick(), room.room());
                case PART, QUIT -> users.leave(virtual(e, e.nick()), room.room());
                case NICK -> {
                    users.leave(virtual(e, e.nick()), room.room());
                    users.ensureJoined(virtual(e, e.other()), e.other(), room.room());
                }
                case KICK -> kick(room, e);
                case TOPIC -> hs.sendState(room.room(), "m.room.topic", "", Json.object().put("topic", e.text()), null);
                default -> throw new IllegalStateException("unknown kind " + e.kind());
            }
        } catch (MatrixException ex) {
            LOG.warn("{} of {} in {} not bridged: {}", e.kind(), e.nick(), e.channel().channel(), ex.getMessage());
        }
    }

    private void kick(RoomMapping room, IrcChannelEvent e) {
        String reason = "kicked on IRC by " + e.nick() + (e.text().isEmpty() ? "" : ": " + e.text());
        if (e.targetIsBridge()) {
            puppets.userOfNick(e.channel().network(), e.other()).ifPresent(u -> hs.kick(room.room(), u, reason));
        } else {
            hs.kick(room.room(), virtual(e, e.other()), reason);
        }
    }

    private UserId virtual(IrcChannelEvent e, String nick) {
        return mappings.network(e.channel().network()).userFor(nick);
    }
}
