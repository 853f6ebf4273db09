package org.matrixas.bridge.irc.text;

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
