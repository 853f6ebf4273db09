package org.matrixas.bridge.irc.irc;

import java.time.Instant;
import java.util.Objects;
import org.matrixas.bridge.irc.mapping.ChannelRef;

/**
 * A line someone said in a channel, as the bot saw it.
 *
 * @param time the IRCv3 {@code server-time} of the line, or when the bot received it
 */
public record IrcMessage(ChannelRef channel, String nick, String text, Instant time, Kind kind) {

    /** PRIVMSG, CTCP ACTION ({@code /me}) or NOTICE. */
    public enum Kind {
        MESSAGE, ACTION, NOTICE;

        /** The {@code kind} label of the message counter. */
        public String metricName() {
            return switch (this) {
                case MESSAGE -> "text";
                case ACTION -> "emote";
                case NOTICE -> "notice";
            };
        }
    }

    public IrcMessage {
        Objects.requireNonNull(channel, "channel is null");
        Objects.requireNonNull(nick, "nick is null");
        Objects.requireNonNull(text, "text is null");
        Objects.requireNonNull(time, "time is null");
        Objects.requireNonNull(kind, "kind is null");
    }
}
