package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.matrixas.bridge.irc.irc.BotConnection;
import org.matrixas.bridge.irc.irc.BotConnections;
import org.matrixas.bridge.irc.irc.IrcException;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.bridge.irc.runtime.Timeouts;
import org.matrixas.bridge.irc.store.RoomMapping;
import org.matrixas.bridge.irc.store.RoomStore;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers alias queries: makes sure the bot is in the channel, creates the room as the bridge bot with the alias
 * bound, stores the mapping, injects the scroll-back and applies the channel's modes. Concurrent queries for one channel share one attempt;
 * no lock is held while calling the homeserver, which calls back into the user query meanwhile.
 */
@Singleton
public final class AliasQueries {
    private static final Logger LOG = LoggerFactory.getLogger(AliasQueries.class);
    /** How long the query waits for the scroll-back; the room exists either way, so later lines still arrive. */
    static final Duration SCROLLBACK_WAIT = Duration.ofSeconds(60);
    private final Mappings mappings;
    private final BotConnections bots;
    private final RoomStore rooms;
    private final HomeserverClient hs;
    private final IrcToMatrix ircToMatrix;
    private final Timeouts timeouts;
    private final IrcModesToMatrix modes;
    private final Map<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();

    @Inject
    AliasQueries(Mappings mappings, BotConnections bots, RoomStore rooms, HomeserverClient hs, IrcToMatrix ircToMatrix,
            Timeouts timeouts, IrcModesToMatrix modes) {
        this.modes = modes;
        this.mappings = mappings;
        this.bots = bots;
        this.rooms = rooms;
        this.hs = hs;
        this.ircToMatrix = ircToMatrix;
        this.timeouts = timeouts;
    }

    public boolean onAliasQuery(RoomAlias alias) {
        Optional<ChannelRef> channel = mappings.channelOf(alias);
        if (channel.isEmpty()) {
            return false;
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        String key = channel.get().network() + " " + channel.get().key();
        CompletableFuture<Boolean> other = inFlight.putIfAbsent(key, mine);
        if (other != null) {
            return other.join();
        }
        try {
            boolean result = answer(alias, channel.get());
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private boolean answer(RoomAlias alias, ChannelRef channel) {
        BotConnection bot = bots.bot(channel.network());
        try {
            bot.session().join(channel.channel(), mappings.network(channel.network()).fixed().key(channel.channel()),
                    timeouts.ircJoin());
        } catch (IrcException e) {
            LOG.info("alias {}: the bot cannot join {}: {}", alias, channel.channel(), e.getMessage());
            return false;
        }
        Optional<RoomMapping> existing = rooms.byChannel(channel);
        if (existing.isPresent() && bindAlias(alias, existing.get().room())) {
            return true;
        }
        RoomId room = createRoom(alias, channel, bot.session().topic(channel.channel()));
        LOG.info("created {} for {} on {}", room, channel.channel(), channel.network());
        RoomMapping mapping = new RoomMapping(channel, room, alias);
        awaitScrollback(ircToMatrix.activate(mapping), alias);
        modes.sync(mapping);
        return true;
    }

    /**
     * Binds an alias of an already bridged channel to its room (a no-op when it already points there: the
     * homeserver may ask again after a timeout); false if that room is gone.
     */
    private boolean bindAlias(RoomAlias alias, RoomId room) {
        try {
            if (hs.resolveAlias(alias).filter(room::equals).isPresent()) {
                return true;
            }
            hs.putAlias(alias, room);
            return true;
        } catch (MatrixException e) {
            LOG.info("alias {}: the stored room {} is not usable ({}); creating a new one", alias, room, e.getMessage());
            return false;
        }
    }

    private RoomId createRoom(RoomAlias alias, ChannelRef channel, Optional<String> topic) {
        CreateRoomRequest request = CreateRoomRequest.named(channel.channel()).withPreset("public_chat");
        if (topic.isPresent()) {
            request = request.withTopic(topic.get());
        }
        try {
            return hs.createRoom(request.withAliasName(alias.localpart()));
        } catch (MatrixException e) {
            if (e.httpStatus() != 400 || e.error().is(MatrixError.M_ROOM_IN_USE)) {
                throw e;
            }
            // Some homeservers refuse such an alias localpart at creation; bind it afterwards instead.
            LOG.info("alias {}: creating the room with room_alias_name failed ({}); binding it afterwards", alias,
                    e.getMessage());
            RoomId room = hs.createRoom(request);
            hs.putAlias(alias, room);
            return room;
        }
    }

    private static void awaitScrollback(CompletableFuture<Void> injection, RoomAlias alias) {
        try {
            injection.get(SCROLLBACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("alias {}: scroll-back still being sent after {} s; answering now", alias,
                    SCROLLBACK_WAIT.toSeconds());
        } catch (ExecutionException e) {
            LOG.warn("alias {}: storing the room failed", alias, e.getCause());
            throw new MatrixException(MatrixError.M_UNKNOWN.withMessage("could not store the room"), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
