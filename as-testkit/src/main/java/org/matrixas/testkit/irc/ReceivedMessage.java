package org.matrixas.testkit.irc;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * A PRIVMSG or NOTICE as an {@link IrcTestClient} received it, so tests can assert on sender, target,
 * text and IRCv3 tags without re-parsing raw lines.
 *
 * @param fromNick the sender's nick
 * @param target   the channel or nick the message was addressed to
 * @param command  {@code PRIVMSG} or {@code NOTICE}
 * @param text     the message text, CTCP delimiters included
 * @param tags     the IRCv3 tags on the line (empty unless a capability such as server-time is enabled)
 */
public record ReceivedMessage(String fromNick, String target, String command, String text, Map<String, String> tags) {

    /** Copies the tags so the record stays immutable. */
    public ReceivedMessage {
        tags = Map.copyOf(tags);
    }

    static ReceivedMessage of(IrcLine line) {
        return new ReceivedMessage(line.nick(), line.param(0), line.command(), line.param(1), line.tags());
    }

    /** The instant from the {@code time} tag, if present and well-formed. */
    public Optional<Instant> serverTime() {
        String time = tags.get("time");
        if (time == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(time));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
