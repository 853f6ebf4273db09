package org.matrixas.bridge.irc.irc;

import java.time.Instant;
import java.util.Objects;
import org.matrixas.bridge.irc.mapping.ChannelRef;

/**
 * A change in a bridged channel that the bot saw: someone joined, left, quit, changed nick, was kicked, or the
 * topic changed. Events about the bridge's own connections are not reported.
 *
 * @param nick who did it (the kicker for {@link Kind#KICK}, the old nick for {@link Kind#NICK})
 * @param other the new nick ({@link Kind#NICK}) or the kicked nick ({@link Kind#KICK}); else empty
 * @param text the part/quit/kick reason or the new topic; may be empty
 * @param targetIsBridge for {@link Kind#KICK}: whether the kicked nick is one of the bridge's puppets
 */
public record IrcChannelEvent(Kind kind, ChannelRef channel, String nick, String other, String text,
        boolean targetIsBridge, Instant time) {
    /** What happened. */
    public enum Kind { JOIN, PART, QUIT, NICK, KICK, TOPIC }

    public IrcChannelEvent {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(channel, "channel is null");
        Objects.requireNonNull(nick, "nick is null");
        other = other == null ? "" : other;
        text = text == null ? "" : text;
        Objects.requireNonNull(time, "time is null");
    }
}
