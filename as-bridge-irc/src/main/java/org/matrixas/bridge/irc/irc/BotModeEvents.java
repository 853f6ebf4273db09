package org.matrixas.bridge.irc.irc;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.engio.mbassy.listener.Handler;
import org.kitteh.irc.client.library.element.Channel;
import org.kitteh.irc.client.library.element.mode.ChannelMode;
import org.kitteh.irc.client.library.element.mode.ChannelUserMode;
import org.kitteh.irc.client.library.element.mode.ModeStatus;
import org.kitteh.irc.client.library.event.channel.ChannelModeEvent;
import org.kitteh.irc.client.library.event.channel.ChannelNamesUpdatedEvent;
import org.kitteh.irc.client.library.event.client.ClientReceiveNumericEvent;
import org.kitteh.irc.client.library.feature.filter.NumericFilter;
import org.matrixas.bridge.irc.irc.IrcModeChange.Origin;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.bridge.irc.text.IrcNames;

/**
 * The bot's view of channel modes, turned into {@link IrcModeChange}s: each MODE line (KICL hands out the channel
 * as it was before the line, so the modes after it are worked out here), RPL_CHANNELMODEIS (324, after KICL has
 * stored it) and the member prefixes of NAMES. Public for KICL's reflection.
 */
public final class BotModeEvents {
    /** Member modes that make a channel operator (owner, admin, op, half-op) on common servers. */
    private static final Set<Character> OPERATOR = Set.of('q', 'a', 'o', 'h');
    private final BotConnection bot;
    private final IrcChannelEventListener listener;

    BotModeEvents(BotConnection bot, IrcChannelEventListener listener) {
        this.bot = bot;
        this.listener = listener;
    }

    @Handler
    public void onMode(ChannelModeEvent e) {
        Channel before = e.getChannel();
        Set<Character> modes = channelModes(before);
        Set<Character> changed = new HashSet<>();
        Map<String, Set<Character>> members = new LinkedHashMap<>();
        for (ModeStatus<ChannelMode> s : e.getStatusList().getAll()) {
            ChannelMode mode = s.getMode();
            boolean add = s.getAction() == ModeStatus.Action.ADD;
            if (mode instanceof ChannelUserMode) {
                Optional<String> nick = s.getParameter();
                if (nick.isPresent() && !isBot(nick.get())) {
                    set(members.computeIfAbsent(nick.get(), n -> memberModes(before, n)), mode.getChar(), add);
                }
            } else if (mode.getType() != ChannelMode.Type.A_MASK) {
                set(modes, mode.getChar(), add);
                changed.add(mode.getChar());
            }
        }
        if (!changed.isEmpty() || !members.isEmpty()) {
            listener.onModeChange(new IrcModeChange(ref(before), modes, changed, members, Origin.MODE));
        }
    }

    @NumericFilter(324)
    @Handler
    public void onChannelModeIs(ClientReceiveNumericEvent e) {
        if (e.getParameters().size() >= 2) {
            bot.session().client().getChannel(e.getParameters().get(1)).ifPresent(ch -> listener.onModeChange(
                    new IrcModeChange(ref(ch), channelModes(ch), Set.of(), Map.of(), Origin.CHANNEL_MODES)));
        }
    }

    @Handler
    public void onNames(ChannelNamesUpdatedEvent e) {
        Channel ch = e.getChannel();
        listener.onModeChange(new IrcModeChange(ref(ch), channelModes(ch), Set.of(), membersWithModes(ch),
                Origin.NAMES));
    }

    /** The channel's modes and its members' modes as the bot knows them now, if it is in the channel. */
    static Optional<IrcModeChange> snapshot(BotConnection bot, String channel) {
        BotModeEvents self = new BotModeEvents(bot, c -> { });
        return bot.session().client().getChannel(channel).map(ch -> new IrcModeChange(self.ref(ch),
                channelModes(ch), Set.of(), self.membersWithModes(ch), Origin.SNAPSHOT));
    }

    /** Whether {@code nick} is an operator (or half-op, admin, owner) of {@code channel} as the bot sees it. */
    static boolean isOperator(BotConnection bot, String channel, String nick) {
        return bot.session().client().getChannel(channel).map(ch -> memberModes(ch, nick)).orElse(Set.of())
                .stream().anyMatch(OPERATOR::contains);
    }

    private Map<String, Set<Character>> membersWithModes(Channel ch) {
        Map<String, Set<Character>> out = new LinkedHashMap<>();
        for (String nick : ch.getNicknames()) {
            Set<Character> modes = memberModes(ch, nick);
            if (!modes.isEmpty() && !isBot(nick)) {
                out.put(nick, modes);
            }
        }
        return out;
    }

    private static Set<Character> channelModes(Channel ch) {
        Set<Character> out = new HashSet<>();
        ch.getModes().getAll().stream().filter(s -> s.getMode().getType() != ChannelMode.Type.A_MASK)
                .forEach(s -> out.add(s.getMode().getChar()));
        return out;
    }

    private static Set<Character> memberModes(Channel ch, String nick) {
        Set<Character> out = new HashSet<>();
        ch.getUserModes(nick).ifPresent(modes -> modes.forEach(m -> out.add(m.getChar())));
        return out;
    }

    private static void set(Set<Character> modes, char letter, boolean add) {
        if (add) {
            modes.add(letter);
        } else {
            modes.remove(letter);
        }
    }

    private boolean isBot(String nick) {
        return IrcNames.fold(nick).equals(IrcNames.fold(bot.session().nick()));
    }

    private ChannelRef ref(Channel ch) {
        return new ChannelRef(bot.network(), ch.getName());
    }
}
