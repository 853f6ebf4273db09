package org.matrixas.protocol.id;

/**
 * The shared parts of the identifier grammar of the
 * <a href="https://spec.matrix.org/v1.13/appendices/#common-identifier-format">appendices</a>.
 */
final class Grammar {
    /** Identifiers (sigil, localpart, colon, server name) are at most 255 bytes. */
    static final int MAX_ID_LENGTH = 255;

    private Grammar() {
    }

    /** Splits {@code sigil localpart ':' server} and checks the common rules; returns {localpart, server}. */
    static String[] split(String kind, char sigil, String input, boolean serverRequired) {
        if (input == null || input.isEmpty()) {
            throw new InvalidIdException(kind, input, "is empty");
        }
        if (input.charAt(0) != sigil) {
            throw new InvalidIdException(kind, input, "must start with '" + sigil + "'");
        }
        if (utf8Length(input) > MAX_ID_LENGTH) {
            throw new InvalidIdException(kind, input, "is longer than " + MAX_ID_LENGTH + " bytes");
        }
        int colon = input.indexOf(':');
        if (colon < 0) {
            if (serverRequired) {
                throw new InvalidIdException(kind, input, "has no ':server' part");
            }
            return new String[] {input.substring(1), null};
        }
        String server = input.substring(colon + 1);
        checkServerName(kind, input, server);
        return new String[] {input.substring(1, colon), server};
    }

    static void checkServerName(String kind, String input, String server) {
        if (!isServerName(server)) {
            throw new InvalidIdException(kind, input, "server name '" + server + "' is not a host name with an optional port");
        }
    }

    /** {@code server_name = hostname [ ":" port ]}, hostname an IPv4 literal, a bracketed IPv6 literal or a DNS name. */
    static boolean isServerName(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        String host = s;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0 || !s.substring(1, close).matches("[0-9A-Fa-f:.]{2,45}")) {
                return false;
            }
            return close == s.length() - 1 || isPort(s.substring(close + 1));
        }
        int colon = s.lastIndexOf(':');
        if (colon >= 0) {
            if (!isPort(s.substring(colon))) {
                return false;
            }
            host = s.substring(0, colon);
        }
        return !host.isEmpty() && host.length() <= 255 && host.chars().allMatch(Grammar::isDnsChar);
    }

    private static boolean isPort(String colonPort) {
        return colonPort.matches(":[0-9]{1,5}");
    }

    private static boolean isDnsChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }

    static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
