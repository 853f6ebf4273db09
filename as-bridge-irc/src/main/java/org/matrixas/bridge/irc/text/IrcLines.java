package org.matrixas.bridge.irc.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Matrix text into IRC message payloads that cannot smuggle a second IRC command: the text is split on
 * every line break into separate lines, and NUL, CR, LF and the CTCP delimiter (0x01) are removed from each.
 */
public final class IrcLines {

    private IrcLines() {
    }

    /** The non-blank lines of {@code text}, each free of NUL, CR, LF and 0x01. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\r\n|\r|\n|\u2028|\u2029|\u0085", -1)) {
            String clean = sanitize(line);
            if (!clean.isBlank()) {
                out.add(clean);
            }
        }
        return out;
    }

    /**
     * The lines of {@code text} as {@link #split(String)} gives them, each further cut so that it takes at most
     * {@code maxBytes} bytes of UTF-8: at the last space that fits when there is one, never inside a character.
     */
    public static List<String> split(String text, int maxBytes) {
        if (maxBytes < 4) {
            throw new IllegalArgumentException("maxBytes must be at least 4, was " + maxBytes);
        }
        List<String> out = new ArrayList<>();
        for (String line : split(text)) {
            String rest = line;
            while (bytes(rest) > maxBytes) {
                int cut = fit(rest, maxBytes);
                int space = rest.lastIndexOf(' ', cut);
                int end = space > cut / 2 ? space : cut;
                out.add(rest.substring(0, end).replaceAll(" +$", ""));
                rest = rest.substring(end).replaceAll("^ +", "");
            }
            if (!rest.isBlank()) {
                out.add(rest);
            }
        }
        return out;
    }

    /**
     * {@code line} cut (ending in "…" when cut) so that {@code line + suffix} takes at most {@code maxBytes} bytes,
     * then {@code suffix}; the suffix itself is never cut.
     */
    public static String withSuffix(String line, String suffix, int maxBytes) {
        int room = maxBytes - bytes(suffix);
        if (bytes(line) <= room) {
            return line + suffix;
        }
        int ellipsis = bytes("…");
        if (room <= ellipsis) {
            return suffix.strip();
        }
        return line.substring(0, fit(line, room - ellipsis)).replaceAll(" +$", "") + "…" + suffix;
    }

    /**
     * Bytes left for the text of a PRIVMSG/NOTICE from {@code nick} to {@code target} in a 512-byte IRC line, once
     * the prefix the server adds when relaying it ({@code :nick!user@host}, with the longest usual user and host)
     * and CR LF are counted; {@code action} leaves room for the CTCP ACTION wrapping.
     */
    public static int payloadLimit(String nick, String target, boolean action) {
        int prefix = 1 + bytes(nick) + 1 + USER_MAX + 1 + HOST_MAX;
        int command = " PRIVMSG ".length() + bytes(target) + " :".length();
        int ctcp = action ? "\u0001ACTION \u0001".length() : 0;
        return Math.max(16, 512 - 2 - prefix - command - ctcp);
    }

    /** Usual ident length (with a {@code ~}) and the longest host name. */
    private static final int USER_MAX = 11;
    private static final int HOST_MAX = 63;

    /** The UTF-8 length of {@code s}. */
    public static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix length of {@code s}, in chars, taking at most {@code maxBytes} UTF-8 bytes. */
    private static int fit(String s, int maxBytes) {
        int used = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (used + n > maxBytes) {
                break;
            }
            used += n;
            i += Character.charCount(cp);
        }
        return i;
    }

    /** {@code line} without NUL, CR, LF or 0x01. */
    public static String sanitize(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != 0 && c != '\r' && c != '\n' && c != 1) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
