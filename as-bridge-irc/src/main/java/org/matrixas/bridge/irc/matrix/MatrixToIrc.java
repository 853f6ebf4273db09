package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.Optional;
import org.matrixas.bridge.irc.irc.IrcMessage;
import org.matrixas.bridge.irc.irc.PuppetConnection;
import org.matrixas.bridge.irc.irc.Puppets;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.bridge.irc.runtime.SerialExecutor;
import org.matrixas.bridge.irc.store.RoomMapping;
import org.matrixas.bridge.irc.store.RoomStore;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.event.Transaction;

/**
 * Matrix to IRC. Messages of real Matrix users in bridged rooms are said on IRC by the sender's puppet
 * ({@code m.emote} as CTCP ACTION, {@code m.notice} as NOTICE, anything else by its body). Each room has a serial
 * queue, so a user's lines keep their order while a puppet connects; the transaction is acknowledged at once.
 */
@Singleton
public final class MatrixToIrc {
    private final RoomStore rooms;
    private final Mappings mappings;
    private final Puppets puppets;
    private final SerialExecutor executor;
    private final MatrixStateToIrc state;

    @Inject
    MatrixToIrc(RoomStore rooms, Mappings mappings, Puppets puppets, SerialExecutor executor, MatrixStateToIrc state) {
        this.state = state;
        this.rooms = rooms;
        this.mappings = mappings;
        this.puppets = puppets;
        this.executor = executor;
    }

    public void onTransaction(Transaction txn) {
        for (ClientEvent e : txn.events()) {
            if (MatrixStateToIrc.handles(e) && !mappings.isBridgeUser(e.sender())) {
                rooms.byRoom(e.roomId()).ifPresent(r -> executor.submit("room " + r.room(), () -> state.apply(r, e)));
                continue;
            }
            if (!"m.room.message".equals(e.type()) || e.isState() || mappings.isBridgeUser(e.sender())) {
                continue;
            }
            Optional<RoomMapping> room = rooms.byRoom(e.roomId());
            Optional<String> body = e.contentString("body");
            if (room.isEmpty() || body.isEmpty()) {
                continue;
            }
            IrcMessage.Kind kind = kind(e.contentString("msgtype").orElse("m.text"));
            RoomMapping r = room.get();
            executor.submit("room " + r.room(), () -> {
                PuppetConnection p = puppets.ensure(e.sender(), null, r.channel());
                p.say(r.channel().channel(), kind, body.get());
            });
        }
    }

    static IrcMessage.Kind kind(String msgtype) {
        return switch (msgtype) {
            case "m.emote" -> IrcMessage.Kind.ACTION;
            case "m.notice" -> IrcMessage.Kind.NOTICE;
            default -> IrcMessage.Kind.MESSAGE;
        };
    }
}
