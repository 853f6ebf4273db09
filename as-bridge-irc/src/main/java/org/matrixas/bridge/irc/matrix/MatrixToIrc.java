package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.matrixas.bridge.irc.admin.AdminRooms;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.irc.IrcMessage;
import org.matrixas.bridge.irc.irc.PuppetConnection;
import org.matrixas.bridge.irc.irc.PuppetLimitException;
import org.matrixas.bridge.irc.irc.Puppets;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.bridge.irc.metrics.BridgeMetrics;
import org.matrixas.bridge.irc.runtime.SerialExecutor;
import org.matrixas.bridge.irc.store.PmRoom;
import org.matrixas.bridge.irc.store.PmRoomStore;
import org.matrixas.bridge.irc.store.RoomMapping;
import org.matrixas.bridge.irc.text.IrcLines;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.id.UserId;

/**
 * Matrix to IRC. Messages of real Matrix users in bridged rooms are said on IRC by the sender's puppet
 * ({@code m.emote} as CTCP ACTION, {@code m.notice} as NOTICE, anything else by its text, see {@link MatrixText});
 * in a PM room as PRIVMSG to the IRC user. A message longer than the network's {@code max_lines} goes as one line
 * with a link to the whole text ({@link LongMessages}). Each room has a serial queue, so a user's lines keep their
 * order while a puppet connects; the transaction is acknowledged at once. Admin rooms take their events first
 * ({@link AdminRooms}).
 */
@Singleton
public final class MatrixToIrc {
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
    private final MatrixUsers users;
    private final AdminRooms adminRooms;

    @Inject
    MatrixToIrc(BridgedRooms rooms, PmRoomStore pms, Mappings mappings, Puppets puppets, SerialExecutor executor,
            MatrixStateToIrc state, PrivateMessages privateMessages, LongMessages longMessages, RoomNotices notices,
            BridgeConfig config, BridgeMetrics metrics, MatrixUsers users, AdminRooms adminRooms) {
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
            executor.submit("room " + e.roomId(), () -> route(e));
        }
    }

    private void route(ClientEvent e) {
        Optional<String> text = MatrixText.toIrc(e.content(), users);
        if (text.isEmpty()) {
            return;
        }
        IrcMessage.Kind kind = kind(e.contentString("msgtype").orElse("m.text"));
        Optional<RoomMapping> room = rooms.byRoom(e.roomId());
        if (room.isPresent()) {
            RoomMapping r = room.get();
            PuppetConnection p = puppet(e, () -> puppets.ensure(e.sender(), null, r.channel()), mappings.bot());
            if (p != null) {
                send(e, p, r.channel().network(), r.channel().channel(), kind, text.get(), mappings.bot());
            }
            return;
        }
        Optional<PmRoom> pm = pms.pmRoom(e.roomId());
        if (pm.isPresent()) {
            PmRoom r = pm.get();
            UserId virtual = mappings.network(r.network()).userFor(r.nick());
            PuppetConnection p = puppet(e, () -> puppets.ensure(e.sender(), null, r.network()), virtual);
            if (p != null) {
                send(e, p, r.network(), r.nick(), kind, text.get(), virtual);
            }
        }
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

    private void send(ClientEvent e, PuppetConnection p, String network, String target, IrcMessage.Kind kind,
            String text, UserId noticeFrom) {
        int limit = IrcLines.payloadLimit(p.nick(), target, kind == IrcMessage.Kind.ACTION);
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
        p.sayLines(target, kind, lines);
        metrics.messageBridged(BridgeMetrics.Direction.MATRIX_TO_IRC, kind.metricName());
    }

    static IrcMessage.Kind kind(String msgtype) {
        return switch (msgtype) {
            case "m.emote" -> IrcMessage.Kind.ACTION;
            case "m.notice" -> IrcMessage.Kind.NOTICE;
            default -> IrcMessage.Kind.MESSAGE;
        };
    }
}
