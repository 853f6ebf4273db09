package org.matrixas.bridge.irc.matrix;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.matrixas.bridge.irc.irc.IrcMessage;
import org.matrixas.bridge.irc.irc.IrcMessageListener;
import org.matrixas.bridge.irc.irc.Puppets;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.bridge.irc.metrics.BridgeMetrics;
import org.matrixas.bridge.irc.runtime.SerialExecutor;
import org.matrixas.bridge.irc.scrollback.Scrollbacks;
import org.matrixas.bridge.irc.store.Inbox;
import org.matrixas.bridge.irc.store.RoomMapping;
import org.matrixas.bridge.irc.store.RoomStore;
import org.matrixas.bridge.irc.store.StoreException;
import org.matrixas.bridge.irc.text.IrcFormatting;
import org.matrixas.bridge.irc.text.IrcNames;
import org.matrixas.bridge.irc.text.NickMentions;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IRC to Matrix. Every channel line is stored in the {@link Inbox} as it is read, kept as scroll-back and, when the
 * channel has rooms, sent into each as the speaker's virtual user with the IRC time, under a transaction ID that
 * repeats if the line is posted again after a kill. Lines and room activation of one channel run in one serial queue, so
 * a room gets its scroll-back and then the live lines, in order, none twice and none lost.
 */
@Singleton
public final class IrcToMatrix implements IrcMessageListener {
    private static final Logger LOG = LoggerFactory.getLogger(IrcToMatrix.class);
    private final RoomStore rooms;
    private final BridgedRooms bridged;
    private final Puppets puppets;
    private final Scrollbacks scrollbacks;
    private final VirtualUsers users;
    private final Mappings mappings;
    private final SerialExecutor executor;
    private final BridgeMetrics metrics;
    private final Inbox inbox;
    /** Completed once the homeserver accepts the bridge's token ({@link #open}). */
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    @Inject
    IrcToMatrix(RoomStore rooms, BridgedRooms bridged, Scrollbacks scrollbacks, VirtualUsers users,
            Mappings mappings, SerialExecutor executor, BridgeMetrics metrics, Puppets puppets, Inbox inbox) {
        this.inbox = inbox;
        this.puppets = puppets;
        this.bridged = bridged;
        this.metrics = metrics;
        this.rooms = rooms;
        this.scrollbacks = scrollbacks;
        this.users = users;
        this.mappings = mappings;
        this.executor = executor;
    }

    /**
     * Called on the bot's IRC input thread: the line is stored in the {@link Inbox} before anything else, then
     * posted to each of the channel's rooms once the bridge can reach the homeserver ({@link #open}).
     */
    @Override
    public void onMessage(IrcMessage message) {
        long seq;
        try {
            seq = inbox.add(message);
        } catch (StoreException e) {
            LOG.warn("IRC line of {} in {} not stored ({}); it is lost if the bridge stops before posting it",
                    message.nick(), message.channel().channel(), e.getMessage());
            seq = -1;
        }
        post(new Inbox.Entry(seq, message));
    }

    /** Lets the lines through to Matrix; until then they wait in their channels' queues, in order. */
    public void open() {
        ready.complete(null);
    }

    /**
     * Queues the lines a previous run stored but had not posted when it stopped (killed). Called at start before the
     * bot connects, so they keep their place before newer lines of the same channel.
     */
    public void resumePending() {
        List<Inbox.Entry> pending = inbox.pending();
        if (!pending.isEmpty()) {
            LOG.info("posting {} IRC line(s) read before the bridge last stopped", pending.size());
        }
        pending.forEach(this::post);
    }

    private void post(Inbox.Entry entry) {
        IrcMessage message = entry.message();
        executor.submitAfter(key(message.channel()), ready, () -> {
            scrollbacks.record(message);
            boolean unreachable = false;
            for (RoomMapping room : bridged.byChannel(message.channel())) {
                try {
                    forward(room, message, entry.seq() < 0 ? null : txnId("irc." + entry.seq(), room.room()));
                } catch (RuntimeException e) {
                    // One room refusing (a fixed room the bot is not in yet) must not starve the others.
                    unreachable |= e instanceof MatrixException m && m.isTransportFailure();
                    LOG.warn("line of {} in {} not bridged to {}: {}", message.nick(), message.channel().channel(),
                            room.room(), e.getMessage());
                }
            }
            if (entry.seq() >= 0 && !unreachable) { // else posted again, under the same IDs, at the next start
                inbox.done(entry.seq());
            }
        });
    }

    /** A transaction ID that is the same each time {@code what} is posted to {@code room}, and only then. */
    private String txnId(String what, RoomId room) {
        return what + "." + inbox.instance() + "." + Integer.toHexString(room.toString().hashCode());
    }

    /**
     * A Matrix user's message, said on IRC from {@code origin}, copied into the channel's other rooms as
     * {@code speaker} (the virtual user of the sender's puppet nick, or the bot in relay mode), as matrix-appservice-irc
     * does: IRC users saw it, so the other rooms see it too, in its place among the channel's lines. It is kept as
     * scroll-back like any channel line.
     */
    public void copyToOtherRooms(IrcMessage message, UserId speaker, EventId origin, RoomId originRoom) {
        executor.submit(key(message.channel()), () -> {
            scrollbacks.record(message);
            for (RoomMapping room : bridged.byChannel(message.channel())) {
                if (room.room().equals(originRoom)) {
                    continue;
                }
                try {
                    forward(room, message, speaker, txnId("copy." + origin, room.room()));
                } catch (RuntimeException e) {
                    LOG.warn("message of {} in {} not copied to {}: {}", message.nick(), origin, room.room(),
                            e.getMessage());
                }
            }
        });
    }

    /** Stores {@code mapping} and sends the channel's scroll-back into the new room; completes when done. */
    public CompletableFuture<Void> activate(RoomMapping mapping) {
        return executor.submit(key(mapping.channel()), () -> {
            rooms.put(mapping);
            for (IrcMessage m : scrollbacks.recent(mapping.channel())) {
                try {
                    forward(mapping, m, null);
                } catch (RuntimeException e) {
                    LOG.warn("scroll-back line of {} in {} not bridged: {}", m.nick(), m.channel().channel(),
                            e.getMessage());
                }
            }
        });
    }

    private void forward(RoomMapping room, IrcMessage m, String txnId) {
        if (!IrcNames.isNick(m.nick())) {
            LOG.debug("nick {} cannot be mapped to a user ID; line dropped", m.nick());
            return;
        }
        forward(room, m, mappings.network(m.channel().network()).userFor(m.nick()), txnId);
        metrics.messageBridged(BridgeMetrics.Direction.IRC_TO_MATRIX, m.kind().metricName());
    }

    private void forward(RoomMapping room, IrcMessage m, UserId user, String txnId) {
        ObjectNode content = withMentions(content(m), m.text(), nick -> puppets.userOfNick(m.channel().network(),
                nick));
        users.send(user, m.nick(), room.room(), "m.room.message", content, m.time().toEpochMilli(), txnId);
    }

    static ObjectNode content(IrcMessage m) {
        String msgtype = switch (m.kind()) {
            case MESSAGE -> "m.text";
            case ACTION -> "m.emote";
            case NOTICE -> "m.notice";
        };
        ObjectNode content = Json.object().put("msgtype", msgtype).put("body", IrcFormatting.strip(m.text()));
        IrcFormatting.toHtml(m.text()).ifPresent(html -> content.put("format", "org.matrix.custom.html")
                .put("formatted_body", html));
        return content;
    }

    /** {@code content} with a pill for each puppet nick {@code text} says, and those users in {@code m.mentions}. */
    static ObjectNode withMentions(ObjectNode content, String text, Function<String, Optional<UserId>> userOfNick) {
        NickMentions.link(text, userOfNick).ifPresent(linked -> {
            content.put("format", "org.matrix.custom.html").put("formatted_body", linked.html());
            ArrayNode ids = content.putObject("m.mentions").putArray("user_ids");
            linked.users().forEach(u -> ids.add(u.toString()));
        });
        return content;
    }

    private static String key(ChannelRef channel) {
        return "irc " + channel.network() + " " + channel.key();
    }
}
