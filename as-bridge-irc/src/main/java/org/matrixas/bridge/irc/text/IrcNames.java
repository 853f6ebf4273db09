package org.matrixas.bridge.irc.text;

/**
 * The syntax of IRC nicks and channel names (RFC 2812, read leniently as modern servers do) and the case folding
 * the bridge uses for keys.
 *
 * <p>Keys fold with the {@code rfc1459} case mapping ({@code A-Z[]\~} to {@code a-z{}|^}), the most common one:
 * on an {@code ascii} server two channels differing only in {@code []} and {@code {}} would share a key.
 */
public final class IrcNames {
    /** Longest channel name RFC 2812 allows; servers may allow less (CHANNELLEN). */
    public static final int MAX_CHANNEL_LENGTH = 50;
    /** A generous cap on nicks before the server's NICKLEN applies. */
    public static final int MAX_NICK_LENGTH = 64;

    private IrcNames() {
    }

    /** Whether {@code name} is a channel name: a prefix {@code # & + !}, then no space, comma, BEL, CR, LF or NUL. */
    public static boolean isChannel(String name) {
        if (name == null || name.length() < 2 || name.length() > MAX_CHANNEL_LENGTH) {
            return false;
        }
        if ("#&+!".indexOf(name.charAt(0)) < 0) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ' ' || c == ',' || c == 7 || c == '\r' || c == '\n' || c == 0 || c == ':') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code nick} is a nick: a letter or one of {@code []\`_^{|}}, then those, digits and {@code -}. */
    public static boolean isNick(String nick) {
        if (nick == null || nick.isEmpty() || nick.length() > MAX_NICK_LENGTH) {
            return false;
        }
        if (!isNickStart(nick.charAt(0))) {
            return false;
        }
        for (int i = 1; i < nick.length(); i++) {
            char c = nick.charAt(i);
            if (!isNickStart(c) && !(c >= '0' && c <= '9') && c != '-') {
                return false;
            }
        }
        return true;
    }

    static boolean isNickStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || "[]\\`_^{|}".indexOf(c) >= 0;
    }

    /** Whether {@code c} may appear in a nick after the first character. */
    public static boolean isNickChar(char c) {
        return isNickStart(c) || (c >= '0' && c <= '9') || c == '-';
    }

    /** The rfc1459 case-folded form of a nick or channel, used as a map and database key. */
    public static String fold(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '[' -> sb.append('{');
                case ']' -> sb.append('}');
                case '\\' -> sb.append('|');
                case '~' -> sb.append('^');
                default -> sb.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            }
        }
        return sb.toString();
    }
}
