package org.matrixas.bridge.irc.irc;

import java.time.Clock;
import net.engio.mbassy.listener.Handler;
import org.kitteh.irc.client.library.element.User;
import org.kitteh.irc.client.library.event.channel.ChannelJoinEvent;
import org.kitteh.irc.client.library.event.channel.ChannelKickEvent;
import org.kitteh.irc.client.library.event.channel.ChannelPartEvent;
import org.kitteh.irc.client.library.event.channel.ChannelTopicEvent;
import org.kitteh.irc.client.library.event.user.UserNickChangeEvent;
import org.kitteh.irc.client.library.event.user.UserQuitEvent;
import org.matrixas.bridge.irc.irc.IrcChannelEvent.Kind;
import org.matrixas.bridge.irc.mapping.ChannelRef;

/**
 * The bot's view of membership and topics, turned into {@link IrcChannelEvent}s. The bot tracks its channels (KICL's
 * full tracker), so a QUIT or NICK is reported once per channel the user was in. Public for KICL's reflection.
 */
public final class BotMembershipEvents {
    private final BotConnection bot;
    private final IrcChannelEventListener listener;
    private final Clock clock;

    BotMembershipEvents(BotConnection bot, IrcChannelEventListener listener, Clock clock) {
        this.bot = bot;
        this.listener = listener;
        this.clock = clock;
    }

    private void emit(Kind kind, String channel, String nick, String other, String text, boolean targetIsBridge) {
        listener.onChannelEvent(new IrcChannelEvent(kind, new ChannelRef(bot.network(), channel), nick, other, text,
                targetIsBridge, clock.instant()));
    }

    private boolean ours(User u) {
        return bot.isBridgeNick(u.getNick());
    }

    @Handler
    public void onJoin(ChannelJoinEvent e) {
        if (!ours(e.getUser())) {
            emit(Kind.JOIN, e.getChannel().getName(), e.getUser().getNick(), null, null, false);
        }
    }

    @Handler
    public void onPart(ChannelPartEvent e) {
        if (!ours(e.getUser())) {
            emit(Kind.PART, e.getChannel().getName(), e.getUser().getNick(), null, e.getMessage(), false);
        }
    }

    @Handler
    public void onQuit(UserQuitEvent e) {
        if (!ours(e.getUser())) {
            e.getUser().getChannels().forEach(c -> emit(Kind.QUIT, c, e.getUser().getNick(), null, e.getMessage(),
                    false));
        }
    }

    @Handler
    public void onNick(UserNickChangeEvent e) {
        if (!ours(e.getOldUser()) && !ours(e.getNewUser())) {
            e.getNewUser().getChannels().forEach(c -> emit(Kind.NICK, c, e.getOldUser().getNick(),
                    e.getNewUser().getNick(), null, false));
        }
    }

    @Handler
    public void onKick(ChannelKickEvent e) {
        if (!bot.session().client().isUser(e.getTarget())) {
            String by = e.getActor() instanceof User u ? u.getNick() : e.getActor().getName();
            if (bot.isBridgeNick(by)) {
                return; // a kick the bridge made for a Matrix user: Matrix already has it
            }
            emit(Kind.KICK, e.getChannel().getName(), by, e.getTarget().getNick(), e.getMessage(),
                    ours(e.getTarget()));
        }
    }

    @Handler
    public void onTopic(ChannelTopicEvent e) {
        if (e.isNew()) {
            String by = e.getNewTopic().getSetter().map(a -> a.getName()).orElse("");
            if (by.isEmpty() || !bot.isBridgeNick(by.contains("!") ? by.substring(0, by.indexOf('!')) : by)) {
                emit(Kind.TOPIC, e.getChannel().getName(), by, null, e.getNewTopic().getValue().orElse(""), false);
            }
        }
    }
}
