package org.matrixas.testkit.irc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One parsed IRC protocol line. Server and {@link IrcTestClient} share this parser so that a test's
 * predicate sees exactly the structure the server reasoned about, tags included.
 *
 * @param raw     the line as received, without the line terminator
 * @param tags    IRCv3 message tags, values unescaped ({@code ""} for a tag without value)
 * @param source  the prefix without the leading colon, or {@code ""} if the line had none
 * @param command the command or three-digit numeric, upper-cased
 * @param params  the parameters, the trailing one without its colon
 */
public record IrcLine(String raw, Map<String, String> tags, String source, String command, List<String> params) {

    /** Defensive copies, because lines are handed across threads and kept in histories. */
    public IrcLine {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        params = List.copyOf(params);
    }

    /**
     * Parses a line leniently: runs of spaces are tolerated and a missing command yields {@code ""},
     * because the server must survive any garbage a test throws at it.
     *
     * @param raw a line without CR/LF
     * @return the parsed line, never null
     */
    public static IrcLine parse(String raw) {
        Cursor cur = new Cursor(raw);
        Map<String, String> tags = new LinkedHashMap<>();
        if (cur.peek() == '@') {
            cur.pos++;
            parseTags(cur.word(), tags);
        }
        String source = "";
        cur.skipSpaces();
        if (cur.peek() == ':') {
            cur.pos++;
            source = cur.word();
        }
        cur.skipSpaces();
        String command = cur.word().toUpperCase(Locale.ROOT);
        List<String> params = new ArrayList<>();
        while (true) {
            cur.skipSpaces();
            if (cur.atEnd()) {
                break;
            }
            if (cur.peek() == ':') {
                params.add(raw.substring(cur.pos + 1));
                break;
            }
            params.add(cur.word());
        }
        return new IrcLine(raw, tags, source, command, params);
    }

    /** Returns parameter {@code i}, or {@code ""} when absent, so handlers need no bounds checks. */
    public String param(int i) {
        return i < params.size() ? params.get(i) : "";
    }

    /** Returns the last parameter (usually the message text), or {@code ""} when there are none. */
    public String last() {
        return params.isEmpty() ? "" : params.get(params.size() - 1);
    }

    /** Returns the nick part of the source ({@code nick!user@host}), or the whole source for servers. */
    public String nick() {
        int bang = source.indexOf('!');
        return bang < 0 ? source : source.substring(0, bang);
    }

    /** Returns whether the command is a three-digit numeric reply. */
    public boolean isNumeric() {
        return command.length() == 3 && Character.isDigit(command.charAt(0))
                && Character.isDigit(command.charAt(1)) && Character.isDigit(command.charAt(2));
    }

    @Override
    public String toString() {
        return raw;
    }

    private static void parseTags(String text, Map<String, String> into) {
        for (String tag : text.split(";")) {
            if (tag.isEmpty()) {
                continue;
            }
            int eq = tag.indexOf('=');
            if (eq < 0) {
                into.put(tag, "");
            } else {
                into.put(tag.substring(0, eq), unescapeTagValue(tag.substring(eq + 1)));
            }
        }
    }

    /** IRCv3 tag values escape {@code ; space \ CR LF}; unknown escapes drop the backslash. */
    static String unescapeTagValue(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch != '\\') {
                sb.append(ch);
                continue;
            }
            if (++i >= value.length()) {
                break;
            }
            char esc = value.charAt(i);
            switch (esc) {
                case ':' -> sb.append(';');
                case 's' -> sb.append(' ');
                case 'r' -> sb.append('\r');
                case 'n' -> sb.append('\n');
                default -> sb.append(esc);
            }
        }
        return sb.toString();
    }

    /** A tiny scanner; kept private because only the parser needs position bookkeeping. */
    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s) {
            this.s = s;
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        void skipSpaces() {
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
        }

        String word() {
            int start = pos;
            while (pos < s.length() && s.charAt(pos) != ' ') {
                pos++;
            }
            return s.substring(start, pos);
        }
    }
}
