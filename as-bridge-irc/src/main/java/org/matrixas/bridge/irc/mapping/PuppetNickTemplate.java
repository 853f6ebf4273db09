package org.matrixas.bridge.irc.mapping;

import java.util.Objects;
import org.matrixas.bridge.irc.text.IrcNames;
import org.matrixas.protocol.id.UserId;

/**
 * Makes the IRC nick of a Matrix user's puppet from the network's {@code nick_template}: {@code $LOCALPART},
 * {@code $USERID} and {@code $DISPLAY} (the display name, or the localpart when unknown) are substituted,
 * characters a nick may not hold become {@code _}, and the result is cut to the server's NICKLEN.
 */
public final class PuppetNickTemplate {
    /** RFC 1459's nick length, used when the server announces no NICKLEN. */
    public static final int DEFAULT_NICKLEN = 9;
    private final String template;

    public PuppetNickTemplate(String template) {
        this.template = Objects.requireNonNull(template, "template is null");
    }

    /** The nick for {@code user}; {@code displayName} may be null; {@code nickLen} of 0 or less means unknown. */
    public String nickFor(UserId user, String displayName, int nickLen) {
        String raw = template.replace("$LOCALPART", user.localpart()).replace("$USERID", user.toString())
                .replace("$DISPLAY", displayName == null || displayName.isBlank() ? user.localpart() : displayName);
        return cut(sanitize(raw), nickLen);
    }

    /** The next nick to try after {@code attempted} was refused: one more trailing {@code _}, cut to fit. */
    public static String fallback(String attempted, int nickLen) {
        int max = effective(nickLen);
        int end = attempted.length();
        while (end > 0 && attempted.charAt(end - 1) == '_') {
            end--;
        }
        String base = attempted.substring(0, end);
        int underscores = attempted.length() - end + 1;
        if (underscores >= max) {
            throw new IllegalStateException("no nick left to try after " + attempted);
        }
        String head = base.length() + underscores > max ? base.substring(0, max - underscores) : base;
        return (head.isEmpty() ? "M" : head) + "_".repeat(underscores);
    }

    static String sanitize(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            sb.append(IrcNames.isNickChar(c) ? c : '_');
        }
        if (sb.length() == 0 || !IrcNames.isNick(sb.substring(0, 1))) {
            sb.insert(0, '_');
        }
        return sb.toString();
    }

    /** {@code nick} cut to {@code nickLen} (0 or less: the RFC default). */
    public static String cut(String nick, int nickLen) {
        int max = Math.min(effective(nickLen), IrcNames.MAX_NICK_LENGTH);
        return nick.length() <= max ? nick : nick.substring(0, max);
    }

    private static int effective(int nickLen) {
        return nickLen > 0 ? nickLen : DEFAULT_NICKLEN;
    }
}
