package org.matrixas.bridge.irc.matrix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.bridge.irc.irc.BotConnections;
import org.matrixas.bridge.irc.irc.IrcModeChange;
import org.matrixas.bridge.irc.irc.Puppets;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.bridge.irc.runtime.SerialExecutor;
import org.matrixas.bridge.irc.store.RoomMapping;
import org.matrixas.bridge.irc.store.RoomStore;
import org.matrixas.bridge.irc.text.IrcNames;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IRC channel modes into the channel's rooms, as the bridge bot: member modes of {@code mode_power_levels} set the
 * member's level (see {@link ModePowerLevels}); the member is a puppet's Matrix user or a virtual user; {@code +m}
 * raises {@code events_default} to voice's level. In the channel's own room, which the bot created, {@code +i} or
 * {@code +k} also make the join rule {@code invite} (without both it is {@code public}), and {@code +s} takes the
 * room out of the public room directory ({@code -s} lists it). Rooms bridged by a fixed mapping or {@code !plumb}
 * belong to their admins: they get the power levels only, and only as far as the bot's own level allows. Runs on
 * the channel's serial queue.
 */
@Singleton
public final class IrcModesToMatrix {
    private static final Logger LOG = LoggerFactory.getLogger(IrcModesToMatrix.class);
    private final RoomStore rooms;
    private final HomeserverClient hs;
    private final Mappings mappings;
    private final Puppets puppets;
    private final BridgeConfig config;
    private final SerialExecutor executor;
    private final Provider<BotConnections> bots;
    private final Provider<BridgedRooms> bridged;

    @Inject
    IrcModesToMatrix(RoomStore rooms, HomeserverClient hs, Mappings mappings, Puppets puppets, BridgeConfig config,
            SerialExecutor executor, Provider<BotConnections> bots, Provider<BridgedRooms> bridged) {
        this.bridged = bridged;
        this.rooms = rooms;
        this.hs = hs;
        this.mappings = mappings;
        this.puppets = puppets;
        this.config = config;
        this.executor = executor;
        this.bots = bots;
    }

    /** Queues {@code change} for each of the channel's rooms. */
    public void onModeChange(IrcModeChange change) {
        executor.submit(IrcMembershipToMatrix.queue(change.channel()), () -> {
            for (RoomMapping room : bridged.get().byChannel(change.channel())) {
                apply(room, change);
            }
        });
    }

    /** Queues the modes the bot knows now for a room just bridged to its channel (made, joined or plumbed). */
    public void sync(RoomMapping room) {
        executor.submit(IrcMembershipToMatrix.queue(room.channel()), () -> bots.get().bot(room.channel().network())
                .modeSnapshot(room.channel().channel()).ifPresent(change -> apply(room, change)));
    }

    void apply(RoomMapping room, IrcModeChange change) {
        NetworkConfig network = config.network(change.channel().network()).orElseThrow();
        ModePowerLevels levels = new ModePowerLevels(network.modePowerLevels());
        boolean own = rooms.byChannel(change.channel()).map(r -> r.room().equals(room.room())).orElse(false);
        try {
            powerLevels(room.room(), change, levels);
            if (!own) {
                return;
            }
            if (change.concerns('i') || change.concerns('k')) {
                joinRule(room.room(), change.has('i') || change.has('k') ? "invite" : "public");
            }
            if (change.concerns('s') && (change.has('s') || !change.initial())) {
                directory(room.room(), !change.has('s'));
            }
        } catch (MatrixException e) {
            LOG.warn("modes of {} not bridged to {}: {}", change.channel().channel(), room.room(), e.getMessage());
        }
    }

    private void powerLevels(RoomId room, IrcModeChange change, ModePowerLevels levels) {
        if (change.members().isEmpty() && !change.concerns('m')) {
            return;
        }
        Optional<ObjectNode> current = hs.state(room, "m.room.power_levels", "");
        if (current.isEmpty()) {
            LOG.warn("{} has no power levels; modes of {} not bridged", room, change.channel().channel());
            return;
        }
        ObjectNode content = current.get();
        int ceiling = ModePowerLevels.levelIn(content, mappings.bot());
        boolean changed = change.concerns('m') && levels.applyModerated(content, change.has('m'));
        for (Map.Entry<String, Set<Character>> m : change.members().entrySet()) {
            Optional<UserId> user = userOf(change.channel().network(), m.getKey());
            if (user.isPresent()) {
                changed |= levels.apply(content, user.get(), m.getValue(), !change.initial(), ceiling);
            }
        }
        if (changed) {
            hs.sendState(room, "m.room.power_levels", "", content, null);
        }
    }

    /** A puppet's Matrix user, else the nick's virtual user (none for a nick that cannot be one). */
    private Optional<UserId> userOf(String network, String nick) {
        Optional<UserId> real = puppets.userOfNick(network, nick);
        if (real.isPresent() || !IrcNames.isNick(nick)) {
            return real;
        }
        return Optional.of(mappings.network(network).userFor(nick));
    }

    private void joinRule(RoomId room, String rule) {
        String now = hs.state(room, "m.room.join_rules", "").map(c -> c.path("join_rule").asText()).orElse("");
        if (!now.equals(rule)) {
            hs.sendState(room, "m.room.join_rules", "", Json.object().put("join_rule", rule), null);
        }
    }

    private void directory(RoomId room, boolean published) {
        try {
            hs.setRoomPublished(room, published);
        } catch (MatrixException e) {
            if (e.httpStatus() != 404 && e.httpStatus() != 405) {
                throw e;
            }
            LOG.info("the homeserver has no room directory visibility ({}); {} left as it is", e.getMessage(), room);
        }
    }
}
