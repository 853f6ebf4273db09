package org.matrixas.testkit.irc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Builds outgoing protocol lines. Centralised so that the 512-byte limit and the server-time tag format
 * are applied identically to every reply and relayed event.
 */
final class Wire {
    /** RFC 1459: 512 bytes per line including CRLF; IRCv3 tags do not count against it. */
    static final int MAX_BODY_BYTES = 510;

    private static final DateTimeFormatter SERVER_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final byte[] CRLF = {'\r', '\n'};

    private Wire() {
    }

    /** A line whose last parameter gets a colon only when the grammar needs one (JOIN, NICK, MODE). */
    static String line(String source, String command, String... params) {
        return build(source, command, params, false);
    }

    /** A line whose last parameter is free text and therefore always trailing (numerics, PRIVMSG). */
    static String text(String source, String command, String... params) {
        return build(source, command, params, true);
    }

    private static String build(String source, String command, String[] params, boolean trailing) {
        StringBuilder sb = new StringBuilder(64);
        if (source != null) {
            sb.append(':').append(source).append(' ');
        }
        sb.append(command);
        for (int i = 0; i < params.length; i++) {
            String p = params[i];
            boolean last = i == params.length - 1;
            boolean needsColon = p.isEmpty() || p.indexOf(' ') >= 0 || p.charAt(0) == ':';
            sb.append(' ');
            if (last && (trailing || needsColon)) {
                sb.append(':');
            }
            sb.append(p);
        }
        return sb.toString();
    }

    /**
     * Makes client-supplied text safe to echo as a middle parameter: a space or leading colon there
     * would silently change how the reply parses, and an empty token is not representable.
     */
    static String token(String s) {
        if (s.isEmpty()) {
            return "*";
        }
        String t = s.replace(' ', '_');
        return t.charAt(0) == ':' ? '_' + t.substring(1) : t;
    }

    /**
     * Encodes a line plus CRLF. Bodies over 510 bytes are cut on a UTF-8 character boundary, because a
     * relayed message grows by the sender's prefix and real servers truncate rather than split.
     */
    static byte[] encode(String tags, String line) {
        byte[] body = line.getBytes(StandardCharsets.UTF_8);
        int len = body.length;
        if (len > MAX_BODY_BYTES) {
            len = MAX_BODY_BYTES;
            while (len > 0 && (body[len] & 0xC0) == 0x80) {
                len--;
            }
        }
        byte[] head = tags == null ? new byte[0] : ('@' + tags + ' ').getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + len + CRLF.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, len);
        System.arraycopy(CRLF, 0, out, head.length + len, CRLF.length);
        return out;
    }

    /** The IRCv3 server-time tag: millisecond precision, always UTC with a literal Z. */
    static String timeTag(Instant time) {
        return "time=" + SERVER_TIME.format(time);
    }
}
