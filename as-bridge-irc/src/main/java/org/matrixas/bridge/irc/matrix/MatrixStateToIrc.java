package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import org.matrixas.bridge.irc.irc.Puppets;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.bridge.irc.store.RoomMapping;
import org.matrixas.bridge.irc.text.IrcLines;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.UserId;

/**
 * Matrix membership and topics into IRC, said by the real user's puppet: leaving the room (or being kicked from
 * it) parts the channel, a topic change sends TOPIC, and kicking a virtual user sends KICK (the IRC server decides
 * whether the puppet may). Runs on the room's serial queue; a user without a puppet has nothing to undo on IRC.
 */
@Singleton
final class MatrixStateToIrc {
    private final Puppets puppets;
    private final Mappings mappings;

    @Inject
    MatrixStateToIrc(Puppets puppets, Mappings mappings) {
        this.puppets = puppets;
        this.mappings = mappings;
    }

    static boolean handles(ClientEvent e) {
        return e.isState() && ("m.room.member".equals(e.type()) || "m.room.topic".equals(e.type()));
    }

    void apply(RoomMapping room, ClientEvent e) {
        String channel = room.channel().channel();
        String network = room.channel().network();
        if ("m.room.topic".equals(e.type())) {
            String topic = IrcLines.sanitize(e.contentString("topic").orElse(""));
            puppets.ensure(e.sender(), null, room.channel()).session().sendRaw("TOPIC " + channel + " :" + topic);
            return;
        }
        String membership = e.contentString("membership").orElse("");
        UserId target = UserId.parse(e.stateKey());
        if (!"leave".equals(membership) && !"ban".equals(membership)) {
            return;
        }
        if (!mappings.isBridgeUser(target)) {
            puppets.existing(network, target).ifPresent(p -> p.session().part(channel,
                    target.equals(e.sender()) ? "left the Matrix room" : "removed from the Matrix room"));
        } else if (!mappings.isBridgeUser(e.sender()) && mappings.network(network).isVirtual(target)) {
            String nick = mappings.network(network).nickOf(target).map(r -> r.nick()).orElse(null);
            if (nick != null) {
                String reason = IrcLines.sanitize(e.contentString("reason").orElse("kicked from Matrix"));
                puppets.ensure(e.sender(), null, room.channel()).session()
                        .sendRaw("KICK " + channel + " " + nick + " :" + reason);
            }
        }
    }
}
