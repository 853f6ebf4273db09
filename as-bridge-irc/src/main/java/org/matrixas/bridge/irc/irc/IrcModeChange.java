package org.matrixas.bridge.irc.irc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.matrixas.bridge.irc.mapping.ChannelRef;

/**
 * Channel modes as the bot sees them: after a MODE line, or what it learnt on joining (see {@link Origin}). Mode
 * letters only; list modes such as bans are left out, and so is the bot itself.
 *
 * @param channelModes the channel's own modes after the change, e.g. {@code [n, t, i]}
 * @param changed the channel modes this change set or unset; empty for a snapshot or a member-only change
 * @param members for each nick whose member modes changed (a snapshot: every member holding one), the member
 *     modes it holds after the change, e.g. {@code Bob -> [v]}; an empty set when it lost its last one
 */
public record IrcModeChange(ChannelRef channel, Set<Character> channelModes, Set<Character> changed,
        Map<String, Set<Character>> members, Origin origin) {

    /** Where the modes come from. */
    public enum Origin {
        /** A MODE line: {@code changed} and {@code members} are what it changed. */
        MODE,
        /** RPL_CHANNELMODEIS (324) on joining: {@code channelModes} is complete; no members. */
        CHANNEL_MODES,
        /** NAMES on joining: {@code members} lists every member holding a mode; channel modes may be unknown yet. */
        NAMES,
        /** Both, read from the bot's state when a room is made for a channel the bot is already in. */
        SNAPSHOT
    }

    public IrcModeChange {
        Objects.requireNonNull(channel, "channel is null");
        Objects.requireNonNull(origin, "origin is null");
        channelModes = Set.copyOf(channelModes);
        changed = Set.copyOf(changed);
        Map<String, Set<Character>> copy = new LinkedHashMap<>();
        members.forEach((nick, modes) -> copy.put(nick, Set.copyOf(modes)));
        members = java.util.Collections.unmodifiableMap(copy);
    }

    /** Whether the channel has mode {@code letter} after the change. */
    public boolean has(char letter) {
        return channelModes.contains(letter);
    }

    /** Whether this tells the state of channel mode {@code letter}: it changed, or the channel modes are complete. */
    public boolean concerns(char letter) {
        return origin == Origin.CHANNEL_MODES || origin == Origin.SNAPSHOT || changed.contains(letter);
    }

    /** Whether these are modes learnt on joining rather than a change someone made. */
    public boolean initial() {
        return origin != Origin.MODE;
    }
}
