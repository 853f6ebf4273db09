package org.matrixas.bridge.irc.text;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matrixas.protocol.id.UserId;

/**
 * Matrix HTML ({@code formatted_body}) to IRC text, by a small allow-list: {@code b}/{@code strong} become bold,
 * {@code i}/{@code em} italic, {@code u} underline, {@code code} monospace, {@code a} its text followed by
 * {@code (href)}, except a pill ({@code matrix.to} link to a user), which becomes the user's IRC nick when the
 * caller knows one and its text otherwise; line-breaking tags become line breaks; {@code mx-reply}, {@code script} and {@code style} are
 * dropped with their content; every other tag is dropped and its text kept. Entities are decoded. The result
 * still goes through {@link IrcLines}, which removes CR, LF, NUL and 0x01 from every line.
 */
public final class HtmlToIrc {
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\\s[^>]*)?/?)>");
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Set<String> DROP_WITH_CONTENT = Set.of("mx-reply", "script", "style");
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "blockquote", "pre", "h1", "h2",
            "h3", "h4", "h5", "h6", "tr", "table");

    private HtmlToIrc() {
    }

    public static String convert(String html) {
        return convert(html, user -> Optional.empty());
    }

    /** As {@link #convert(String)}, with {@code ircNick} giving the nick a pill to a user becomes. */
    public static String convert(String html, Function<UserId, Optional<String>> ircNick) {
        StringBuilder out = new StringBuilder(html.length());
        Deque<String> hrefs = new ArrayDeque<>();
        Deque<Integer> linkStarts = new ArrayDeque<>();
        Matcher m = TAG.matcher(html);
        int pos = 0;
        while (m.find(pos)) {
            out.append(decode(html.substring(pos, m.start())));
            pos = m.end();
            boolean closing = !m.group(1).isEmpty();
            String name = m.group(2).toLowerCase(Locale.ROOT);
            if (!closing && DROP_WITH_CONTENT.contains(name)) {
                pos = skipPast(html, pos, name);
                continue;
            }
            switch (name) {
                case "b", "strong" -> out.append('\u0002');
                case "i", "em" -> out.append('\u001D');
                case "u" -> out.append('\u001F');
                case "code" -> out.append('\u0011');
                case "br" -> out.append('\n');
                case "a" -> link(closing, m.group(3), out, hrefs, linkStarts, ircNick);
                default -> {
                    if (BLOCKS.contains(name) && closing) {
                        out.append('\n');
                    } else if (name.equals("li")) {
                        out.append("• ");
                    }
                }
            }
        }
        out.append(decode(html.substring(pos)));
        // Not strip(): Java counts the IRC codes 0x1C-0x1F as whitespace.
        return out.toString().replaceAll("\n{3,}", "\n\n").replaceAll("^[ \t\n]+|[ \t\n]+$", "");
    }

    private static void link(boolean closing, String attributes, StringBuilder out, Deque<String> hrefs,
            Deque<Integer> starts, Function<UserId, Optional<String>> ircNick) {
        if (!closing) {
            Matcher h = HREF.matcher(attributes);
            String href = "";
            if (h.find()) {
                href = decode(h.group(2) != null ? h.group(2) : h.group(3) != null ? h.group(3) : h.group(4));
            }
            hrefs.push(href);
            starts.push(out.length());
            return;
        }
        if (hrefs.isEmpty()) {
            return;
        }
        String href = hrefs.pop();
        int start = starts.pop();
        String text = out.substring(start);
        Optional<UserId> pill = NickMentions.userOfLink(href);
        if (pill.isPresent()) {
            Optional<String> nick = ircNick.apply(pill.get());
            if (nick.isPresent()) {
                out.setLength(start);
                out.append(nick.get());
            }
            return;
        }
        if (!href.isEmpty() && !href.equals(text) && !href.equals("mailto:" + text)) {
            out.append(" (").append(href).append(')');
        }
    }

    /** The index after the {@code </name>} that closes the element opened just before {@code from}. */
    private static int skipPast(String html, int from, String name) {
        Matcher m = TAG.matcher(html);
        int depth = 1;
        int pos = from;
        while (m.find(pos)) {
            pos = m.end();
            if (m.group(2).equalsIgnoreCase(name)) {
                depth += m.group(1).isEmpty() ? 1 : -1;
                if (depth == 0) {
                    return pos;
                }
            }
        }
        return html.length();
    }

    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String entity(String name, String whole) {
        if (name.startsWith("#")) {
            int cp = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                    ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : whole;
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> whole;
        };
    }
}
