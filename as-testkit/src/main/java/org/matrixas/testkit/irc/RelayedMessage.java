package org.matrixas.testkit.irc;

import java.time.Instant;

/**
 * A PRIVMSG or NOTICE the server accepted and relayed, kept so tests can assert on what crossed the
 * IRC side without connecting an extra observer client.
 *
 * @param time     the clock instant used for the server-time tag of this message (millisecond precision)
 * @param fromNick the sender's nick at the time of sending
 * @param target   the channel name or recipient nick, as the server knows it (canonical case)
 * @param command  {@code PRIVMSG} or {@code NOTICE}
 * @param text     the text exactly as relayed, CTCP delimiters included
 */
public record RelayedMessage(Instant time, String fromNick, String target, String command, String text) {
}
