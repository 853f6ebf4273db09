package org.matrixas.bridge.irc.text;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.matrixas.protocol.id.UserId;

/**
 * Mentions of Matrix users in an IRC line: every word that is the nick of a Matrix user's puppet (e.g.
 * {@code alice[m]} in {@code alice[m]: hi}) becomes a pill, a {@code matrix.to} link to the user, in the HTML of
 * the line, and the users are listed for {@code m.mentions}
 * (<a href="https://spec.matrix.org/v1.13/client-server-api/#user-and-room-mentions">spec</a>).
 */
public final class NickMentions {
    private static final String MATRIX_TO = "https://matrix.to/#/";

    private NickMentions() {
    }

    /**
     * The line's HTML with pills and the users mentioned.
     *
     * @param html the mentioned users' pills in the line's HTML ({@link IrcFormatting#html})
     * @param users the users mentioned, each once, in order of first mention
     */
    public record Linked(String html, List<UserId> users) {
        public Linked {
            users = List.copyOf(users);
        }
    }

    /** The pills for the nicks in {@code ircText} that {@code userOfNick} knows; empty when it mentions nobody. */
    public static Optional<Linked> link(String ircText, Function<String, Optional<UserId>> userOfNick) {
        String html = IrcFormatting.html(ircText);
        StringBuilder out = new StringBuilder(html.length() + 64);
        Set<UserId> users = new LinkedHashSet<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            int end;
            if (c == '<' || c == '&') {
                // A tag or an entity of the escaped HTML: copied whole, never searched for nicks.
                int close = html.indexOf(c == '<' ? '>' : ';', i);
                end = close < 0 ? html.length() : close + 1;
                out.append(html, i, end);
            } else if (IrcNames.isNickChar(c)) {
                end = i;
                while (end < html.length() && IrcNames.isNickChar(html.charAt(end))) {
                    end++;
                }
                String word = html.substring(i, end);
                Optional<UserId> user = IrcNames.isNick(word) ? userOfNick.apply(word) : Optional.empty();
                if (user.isPresent()) {
                    users.add(user.get());
                    out.append("<a href=\"").append(MATRIX_TO).append(user.get()).append("\">").append(word)
                            .append("</a>");
                } else {
                    out.append(word);
                }
            } else {
                end = i + 1;
                out.append(c);
            }
            i = end;
        }
        return users.isEmpty() ? Optional.empty() : Optional.of(new Linked(out.toString(), List.copyOf(users)));
    }

    /** The user a {@code matrix.to} link points at ({@code https://matrix.to/#/@user:server}), if it is one. */
    public static Optional<UserId> userOfLink(String href) {
        if (!href.startsWith(MATRIX_TO)) {
            return Optional.empty();
        }
        String target = href.substring(MATRIX_TO.length());
        int q = target.indexOf('?');
        target = q < 0 ? target : target.substring(0, q);
        try {
            target = org.matrixas.protocol.http.PercentCodec.decode(target);
            return target.startsWith("@") ? Optional.of(UserId.parse(target)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
