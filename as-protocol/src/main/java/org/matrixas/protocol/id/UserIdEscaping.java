package org.matrixas.protocol.id;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The specification's <a href="https://spec.matrix.org/v1.13/appendices/#mapping-from-other-character-sets">mapping
 * from other character sets</a> into the strict user-ID localpart grammar: upper case {@code A} becomes {@code _a},
 * {@code _} becomes {@code __}, and any other byte outside {@code a-z 0-9 . - / +} becomes {@code =xx}. The mapping
 * is bijective, so {@link #unescape} recovers the remote name.
 */
public final class UserIdEscaping {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private UserIdEscaping() {
    }

    /** Maps any string to a strict localpart, e.g. {@code Bob} to {@code _bob}. */
    public static String escape(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z') {
                out.append('_').append((char) (c + ('a' - 'A')));
            } else if (c == '_') {
                out.append("__");
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '/' || c == '+') {
                out.append((char) c);
            } else {
                out.append('=').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** The inverse of {@link #escape}; a malformed escape is kept literally. */
    public static String unescape(String localpart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(localpart.length());
        int i = 0;
        while (i < localpart.length()) {
            char c = localpart.charAt(i);
            if (c == '_' && i + 1 < localpart.length()) {
                char next = localpart.charAt(i + 1);
                out.write(next == '_' ? '_' : Character.toUpperCase(next));
                i += 2;
            } else if (c == '=' && isHex(localpart, i + 1)) {
                out.write(Integer.parseInt(localpart.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                out.write(c);
                i++;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String s, int from) {
        return from + 2 <= s.length() && Character.digit(s.charAt(from), 16) >= 0 && Character.digit(s.charAt(from + 1), 16) >= 0;
    }
}
