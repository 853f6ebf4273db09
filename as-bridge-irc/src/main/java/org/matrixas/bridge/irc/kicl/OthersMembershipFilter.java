package org.matrixas.bridge.irc.kicl;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.Set;
import java.util.function.Supplier;
import org.matrixas.bridge.irc.text.IrcNames;

/**
 * Drops, before KICL parses them, the membership lines of other users that a puppet receives (JOIN, PART, QUIT,
 * NICK, AWAY, ...): the bot's connection already tracks the channel, and in a channel of a thousand puppets each
 * puppet would otherwise parse and dispatch every other puppet's join. Lines about the puppet itself, and every
 * other command (messages, KICK, MODE, numerics), pass.
 */
final class OthersMembershipFilter extends ChannelInboundHandlerAdapter {
    static final String NAME = "[INPUT] bridge: drop others' membership";
    private static final Set<String> MEMBERSHIP = Set.of("JOIN", "PART", "QUIT", "NICK", "AWAY", "ACCOUNT",
            "CHGHOST", "SETNAME");
    private final Supplier<String> selfNick;

    OthersMembershipFilter(Supplier<String> selfNick) {
        this.selfNick = selfNick;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof String line && isOthersMembership(line, selfNick.get())) {
            return;
        }
        ctx.fireChannelRead(msg);
    }

    static boolean isOthersMembership(String line, String self) {
        int i = 0;
        if (line.startsWith("@")) {
            i = line.indexOf(' ') + 1;
            if (i == 0) {
                return false;
            }
        }
        if (i >= line.length() || line.charAt(i) != ':') {
            return false;
        }
        int prefixEnd = line.indexOf(' ', i);
        if (prefixEnd < 0) {
            return false;
        }
        int commandEnd = line.indexOf(' ', prefixEnd + 1);
        String command = line.substring(prefixEnd + 1, commandEnd < 0 ? line.length() : commandEnd);
        if (!MEMBERSHIP.contains(command)) {
            return false;
        }
        int bang = line.indexOf('!', i);
        String nick = line.substring(i + 1, bang > 0 && bang < prefixEnd ? bang : prefixEnd);
        return self == null || !IrcNames.fold(nick).equals(IrcNames.fold(self));
    }
}
