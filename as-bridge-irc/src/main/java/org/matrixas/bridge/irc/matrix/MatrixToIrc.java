package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.matrixas.bridge.irc.admin.AdminRooms;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.irc.BotConnection;
import org.matrixas.bridge.irc.irc.BotConnections;
import org.matrixas.bridge.irc.irc.IrcMessage;
import org.matrixas.bridge.irc.irc.PuppetConnection;
import org.matrixas.bridge.irc.irc.PuppetLimitException;
import org.matrixas.bridge.irc.irc.Puppets;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.bridge.irc.metrics.BridgeMetrics;
import org.matrixas.bridge.irc.runtime.SerialExecutor;
import org.matrixas.bridge.irc.store.Outbox;
import org.matrixas.bridge.irc.store.PmRoom;
import org.matrixas.bridge.irc.store.PmRoomStore;
import org.matrixas.bridge.irc.store.RoomMapping;
import org.matrixas.bridge.irc.text.IrcLines;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.id.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matrix to IRC. Messages of real Matrix users in bridged rooms are said on IRC by the sender's puppet
 * ({@code m.emote} as CTCP ACTION, {@code m.notice} as NOTICE, a file as a link ({@link MediaLinks}), anything else by
 * its text, see {@link MatrixText});
 * in a PM room as PRIVMSG to the IRC user. A message longer than the network's {@code max_lines} goes as one line
 * with a link to the whole text ({@link LongMessages}). Each room has a serial queue, so a user's lines keep their
 * order while a puppet connects. The transaction is acknowledged once its messages are in the {@link Outbox}; each
 * leaves it when its lines have been written to IRC, and what a killed bridge left there is said after the restart
 * ({@link #resumePending()}). Admin rooms take their events first ({@link AdminRooms}).
 */
@Singleton
public final class MatrixToIrc {
    private static final Logger LOG = LoggerFactory.getLogger(MatrixToIrc.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    /** The serial key of outbox writes. */
    private static final String OUTBOX = "outbox";
    private final BridgedRooms rooms;
    private final PmRoomStore pms;
    private final Mappings mappings;
    private final Puppets puppets;
    private final SerialExecutor executor;
    private final MatrixStateToIrc state;
    private final PrivateMessages privateMessages;
    private final LongMessages longMessages;
    private final RoomNotices notices;
    private final BridgeConfig config;
    private final BridgeMetrics metrics;
    private final Outbox outbox;
    private final MatrixUsers users;
    private final AdminRooms adminRooms;
    private final Provider<BotConnections> bots;
    private final IrcToMatrix copies;
    private final MediaLinks media;
    /** Messages accepted and not yet settled (said and out of the outbox, or given up), for {@link #drain}. */
    private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();

    @Inject
    MatrixToIrc(BridgedRooms rooms, PmRoomStore pms, Mappings mappings, Puppets puppets, SerialExecutor executor,
            MatrixStateToIrc state, PrivateMessages privateMessages, LongMessages longMessages, RoomNotices notices,
            BridgeConfig config, BridgeMetrics metrics, Outbox outbox, MatrixUsers users, AdminRooms adminRooms,
            Provider<BotConnections> bots, IrcToMatrix copies, MediaLinks media) {
        this.media = media;
        this.bots = bots;
        this.copies = copies;
        this.outbox = outbox;
        this.users = users;
        this.adminRooms = adminRooms;
        this.state = state;
        this.rooms = rooms;
        this.pms = pms;
        this.mappings = mappings;
        this.puppets = puppets;
        this.executor = executor;
        this.privateMessages = privateMessages;
        this.longMessages = longMessages;
        this.notices = notices;
        this.config = config;
        this.metrics = metrics;
    }

    public void onTransaction(Transaction txn) {
        for (ClientEvent e : txn.events()) {
            if (adminRooms.onEvent(e) || privateMessages.onInvite(e)) {
                continue;
            }
            if (MatrixStateToIrc.handles(e) && !mappings.isBridgeUser(e.sender())) {
                rooms.byRoom(e.roomId()).ifPresent(r -> executor.submit("room " + r.room(), () -> state.apply(r, e)));
                continue;
            }
            if (!"m.room.message".equals(e.type()) || e.isState() || mappings.isBridgeUser(e.sender())) {
                continue;
            }
            if (outbox.add(e)) { // else a re-sent transaction: the event is pending already, or was said
                submit(e);
            }
        }
    }

    /**
     * Says the messages a previous run accepted but had not written to IRC when it stopped (killed). Called at
     * start before any transaction is accepted, so they keep their place before newer ones of the same room.
     */
    public void resumePending() {
        List<ClientEvent> pending = outbox.pending();
        if (!pending.isEmpty()) {
            LOG.info("saying {} Matrix message(s) accepted before the bridge last stopped", pending.size());
        }
        pending.forEach(this::submit);
    }

    private void submit(ClientEvent e) {
        String id = e.eventId().toString();
        CompletableFuture<Void> settled = new CompletableFuture<>();
        inFlight.add(settled);
        settled.whenComplete((v, x) -> inFlight.remove(settled));
        executor.submit("room " + e.roomId(), () -> route(e).whenComplete((v, failed) -> {
            if (failed == null) {
                // Off the IRC scheduler: this writes to SQLite.
                executor.submit(OUTBOX, () -> outbox.done(id)).whenComplete((x, y) -> settled.complete(null));
            } else {
                LOG.warn("message {} was not written to IRC ({}); it is said again after a restart", id,
                        failed.getMessage());
                settled.complete(null);
            }
        })).whenComplete((v, failed) -> {
            if (failed != null) {
                settled.complete(null);
            }
        });
    }

    /**
     * Waits up to {@code timeout} for the messages under way to reach IRC and leave the outbox, so that a clean stop
     * does not say them again at the next start. Registered to run before the IRC connections close.
     */
    public void drain(Duration timeout) {
        CompletableFuture<?>[] pending = inFlight.toArray(CompletableFuture[]::new);
        if (pending.length == 0) {
            return;
        }
        try {
            CompletableFuture.allOf(pending).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.info("stopping with {} Matrix message(s) not yet confirmed by IRC; they are said again at the next "
                    + "start", inFlight.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Completes once the message's lines are written to IRC (at once when there is nothing to say). */
    private CompletableFuture<Void> route(ClientEvent e) {
        Optional<String> text = media.line(e.content()).or(() -> MatrixText.toIrc(e.content(), users));
        if (text.isEmpty()) {
            return DONE;
        }
        IrcMessage.Kind kind = kind(e.contentString("msgtype").orElse("m.text"));
        Optional<RoomMapping> room = rooms.byRoom(e.roomId());
        if (room.isPresent()) {
            RoomMapping r = room.get();
            if (!config.network(r.channel().network()).orElseThrow().puppets()) {
                return relay(e, r, kind, text.get());
            }
            PuppetConnection p = puppet(e, () -> puppets.ensure(e.sender(), null, r.channel()), mappings.bot());
            if (p == null) {
                return DONE;
            }
            UserId speaker = mappings.network(r.channel().network()).userFor(p.nick());
            return copyWhenSaid(send(e, p, r.channel().network(), r.channel().channel(), kind, text.get(),
                    mappings.bot()), new IrcMessage(r.channel(), p.nick(), text.get(), Instant.now(), kind), speaker,
                    e);
        }
        Optional<PmRoom> pm = pms.pmRoom(e.roomId());
        if (pm.isPresent()) {
            PmRoom r = pm.get();
            UserId virtual = mappings.network(r.network()).userFor(r.nick());
            PuppetConnection p = puppet(e, () -> puppets.ensure(e.sender(), null, r.network()), virtual);
            return p == null ? DONE : send(e, p, r.network(), r.nick(), kind, text.get(), virtual);
        }
        return DONE;
    }

    /** The sender's puppet, or null after telling the room (as {@code noticeFrom}) that the cap refused it. */
    private PuppetConnection puppet(ClientEvent e, java.util.function.Supplier<PuppetConnection> ensure,
            UserId noticeFrom) {
        try {
            return ensure.get();
        } catch (PuppetLimitException ex) {
            notices.send(e.roomId(), noticeFrom, "Your message was not sent to IRC: " + ex.getMessage()
                    + ". Try again later.");
            return null;
        }
    }

    private CompletableFuture<Void> send(ClientEvent e, PuppetConnection p, String network, String target,
            IrcMessage.Kind kind, String text, UserId noticeFrom) {
        int limit = IrcLines.payloadLimit(p.nick(), target, kind == IrcMessage.Kind.ACTION);
        CompletableFuture<Void> written = p.sayLines(target, kind, fit(e, network, text, limit, noticeFrom));
        metrics.messageBridged(BridgeMetrics.Direction.MATRIX_TO_IRC, kind.metricName());
        return written;
    }

    /**
     * {@code puppets: false}: the bot says the message in the channel for its sender, each line starting with
     * {@code <localpart> } ({@code * localpart } for an emote, sent as a plain message).
     */
    private CompletableFuture<Void> relay(ClientEvent e, RoomMapping r, IrcMessage.Kind kind, String text) {
        BotConnection bot = bots.get().bot(r.channel().network());
        String name = IrcLines.sanitize(e.sender().localpart());
        String prefix = kind == IrcMessage.Kind.ACTION ? "* " + name + " " : "<" + name + "> ";
        String channel = r.channel().channel();
        int limit = IrcLines.payloadLimit(bot.session().nick(), channel, false)
                - prefix.getBytes(StandardCharsets.UTF_8).length;
        List<String> lines = fit(e, r.channel().network(), text, limit, mappings.bot()).stream()
                .map(l -> prefix + l).toList();
        IrcMessage.Kind sent = kind == IrcMessage.Kind.NOTICE ? kind : IrcMessage.Kind.MESSAGE;
        CompletableFuture<Void> written = bot.sayLines(channel, sent, lines);
        metrics.messageBridged(BridgeMetrics.Direction.MATRIX_TO_IRC, kind.metricName());
        return copyWhenSaid(written, new IrcMessage(r.channel(), bot.session().nick(), prefix + text, Instant.now(),
                sent), mappings.bot(), e);
    }

    /** Once {@code written}, copies the message into the channel's other rooms ({@link IrcToMatrix#copyToOtherRooms}). */
    private CompletableFuture<Void> copyWhenSaid(CompletableFuture<Void> written, IrcMessage said, UserId speaker,
            ClientEvent e) {
        return written.thenRun(() -> copies.copyToOtherRooms(said, speaker, e.eventId(), e.roomId()));
    }

    /** {@code text} as IRC lines of at most {@code limit} bytes, or one line with a link when there are too many. */
    private List<String> fit(ClientEvent e, String network, String text, int limit, UserId noticeFrom) {
        List<String> lines = IrcLines.split(text, limit);
        int maxLines = config.network(network).orElseThrow().maxLines();
        if (lines.size() > maxLines) {
            Optional<String> url = longMessages.upload(e.sender(), text);
            if (url.isPresent()) {
                lines = List.of(IrcLines.withSuffix(lines.get(0), " … (full message: " + url.get() + ")", limit));
            } else {
                notices.send(e.roomId(), noticeFrom, "Your message is longer than " + maxLines
                        + " IRC lines and could not be uploaded as a file; it was sent as " + lines.size()
                        + " lines.");
            }
        }
        return lines;
    }

    static IrcMessage.Kind kind(String msgtype) {
        return switch (msgtype) {
            case "m.emote" -> IrcMessage.Kind.ACTION;
            case "m.notice" -> IrcMessage.Kind.NOTICE;
            default -> IrcMessage.Kind.MESSAGE;
        };
    }
}
