package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import java.util.Optional;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.irc.BotConnection;
import org.matrixas.bridge.irc.irc.BotConnections;
import org.matrixas.bridge.irc.irc.PuppetConnection;
import org.matrixas.bridge.irc.irc.PuppetLimitException;
import org.matrixas.bridge.irc.irc.Puppets;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.bridge.irc.store.RoomMapping;
import org.matrixas.bridge.irc.text.IrcLines;
import org.matrixas.protocol.event.ClientEvent;

/**
 * Matrix moderation into IRC, done by whoever may do it there. A kick (or ban) of a virtual user becomes a KICK by
 * the kicker's puppet when it is a channel operator, else by the bridge bot when it is one, else the room gets a
 * notice that IRC was left unchanged. A topic change is sent by the user's puppet, or by the bot when the channel
 * is {@code +t} and only the bot is an operator; when neither may, the room is told. Operator status is the bot's
 * view of the channel.
 */
@Singleton
final class MatrixModerationToIrc {
    private final Puppets puppets;
    private final Mappings mappings;
    private final Provider<BotConnections> bots;
    private final RoomNotices notices;
    private final BridgeConfig config;

    @Inject
    MatrixModerationToIrc(Puppets puppets, Mappings mappings, Provider<BotConnections> bots, RoomNotices notices,
            BridgeConfig config) {
        this.config = config;
        this.puppets = puppets;
        this.mappings = mappings;
        this.bots = bots;
        this.notices = notices;
    }

    void kick(RoomMapping room, ClientEvent e, String nick) {
        String channel = room.channel().channel();
        BotConnection bot = bots.get().bot(room.channel().network());
        String reason = IrcLines.sanitize(e.contentString("reason").orElse(""));
        Optional<PuppetConnection> own = puppets.existing(room.channel().network(), e.sender())
                .filter(p -> bot.isOperator(channel, p.nick()));
        if (own.isPresent()) {
            own.get().session().sendRaw("KICK " + channel + " " + nick + " :" + (reason.isEmpty() ? "kicked from Matrix"
                    : reason));
        } else if (bot.isOperator(channel, bot.session().nick())) {
            bot.session().sendRaw("KICK " + channel + " " + nick + " :" + IrcLines.sanitize("kicked by "
                    + e.sender() + " on Matrix" + (reason.isEmpty() ? "" : ": " + reason)));
        } else {
            notices.send(room.room(), mappings.bot(), "Could not kick " + nick + " on IRC: neither your IRC "
                    + "connection nor the bridge is an operator of " + channel + ".");
        }
    }

    void topic(RoomMapping room, ClientEvent e) {
        String channel = room.channel().channel();
        String line = "TOPIC " + channel + " :" + IrcLines.sanitize(e.contentString("topic").orElse(""));
        BotConnection bot = bots.get().bot(room.channel().network());
        boolean locked = bot.modeSnapshot(channel).map(m -> m.has('t')).orElse(true);
        PuppetConnection puppet;
        try {
            // In relay mode (puppets: false) users have no connection of their own: the bot sets the topic.
            puppet = config.network(room.channel().network()).orElseThrow().puppets()
                    ? puppets.ensure(e.sender(), null, room.channel()) : null;
        } catch (PuppetLimitException ex) {
            puppet = null;
        }
        if (puppet != null && (!locked || bot.isOperator(channel, puppet.nick()))) {
            puppet.session().sendRaw(line);
        } else if (bot.isOperator(channel, bot.session().nick())) {
            bot.session().sendRaw(line);
        } else {
            notices.send(room.room(), mappings.bot(), "The topic was not changed on IRC: " + channel
                    + " only lets operators set it, and neither your IRC connection nor the bridge is one.");
        }
    }
}
