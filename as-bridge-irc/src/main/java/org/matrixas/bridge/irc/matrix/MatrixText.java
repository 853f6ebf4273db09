package org.matrixas.bridge.irc.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matrixas.bridge.irc.text.HtmlToIrc;
import org.matrixas.protocol.id.InvalidIdException;
import org.matrixas.protocol.id.UserId;

/**
 * The IRC text of a Matrix message's content: {@code formatted_body} through {@link HtmlToIrc} when it is
 * {@code org.matrix.custom.html}, else {@code body}; an edit ({@code m.new_content}) as {@code "* <new text>"};
 * a reply without its quoted fallback, prefixed {@code "<nick>: "} with the replied-to sender's IRC nick.
 * Mentions become IRC nicks: a pill in the HTML, and in a plain body the display name of each user in
 * {@code m.mentions.user_ids} that has a nick (a virtual user's, or a puppet's).
 */
final class MatrixText {
    /** The first line of a reply fallback: {@code > <@user:server> text}. */
    private static final Pattern FALLBACK_SENDER = Pattern.compile("^> <(@[^>\\s]+)>");

    /** What the conversion needs to know about users. */
    interface Users {
        /** The IRC nick of {@code user}: a virtual user's nick or a Matrix user's puppet nick. */
        Optional<String> ircNick(UserId user);

        /** The display name of {@code user}, if it has one. */
        Optional<String> displayName(UserId user);
    }

    private MatrixText() {
    }

    /** The text to say on IRC, or empty when the content has no text. */
    static Optional<String> toIrc(JsonNode content, Users users) {
        JsonNode newContent = content.path("m.new_content");
        if (newContent.isObject()) {
            return text(newContent, users).map(t -> "* " + t);
        }
        Optional<String> text = text(content, users);
        if (text.isEmpty() || !content.path("m.relates_to").path("m.in_reply_to").isObject()) {
            return text;
        }
        String body = content.path("body").asText("");
        Optional<String> nick = repliedTo(body).map(u -> users.ircNick(u).orElse(u.localpart()));
        return Optional.of(nick.map(n -> n + ": ").orElse("") + text.get());
    }

    private static Optional<String> text(JsonNode content, Users users) {
        if (isHtml(content) && content.path("formatted_body").isTextual()) {
            return Optional.of(HtmlToIrc.convert(content.get("formatted_body").asText(), users::ircNick));
        }
        JsonNode body = content.path("body");
        if (!body.isTextual()) {
            return Optional.empty();
        }
        return Optional.of(displayNamesToNicks(stripFallbackIfReply(content, body.asText()), content, users));
    }

    /** {@code text} with the display name of every mentioned user that has an IRC nick replaced by the nick. */
    static String displayNamesToNicks(String text, JsonNode content, Users users) {
        String out = text;
        for (JsonNode id : content.path("m.mentions").path("user_ids")) {
            Optional<UserId> user = parse(id.asText(""));
            Optional<String> nick = user.flatMap(users::ircNick);
            Optional<String> name = nick.isEmpty() ? Optional.empty() : user.flatMap(users::displayName);
            if (name.isPresent() && !name.get().isBlank() && !name.get().equals(nick.get())) {
                out = out.replace(name.get(), nick.get());
            }
        }
        return out;
    }

    private static boolean isHtml(JsonNode content) {
        return "org.matrix.custom.html".equals(content.path("format").asText(""));
    }

    private static String stripFallbackIfReply(JsonNode content, String body) {
        return content.path("m.relates_to").path("m.in_reply_to").isObject() ? stripFallback(body) : body;
    }

    /** {@code body} without its leading {@code "> "} lines and the blank line after them. */
    static String stripFallback(String body) {
        if (!body.startsWith("> ")) {
            return body;
        }
        String[] lines = body.split("\n", -1);
        int i = 0;
        while (i < lines.length && lines[i].startsWith(">")) {
            i++;
        }
        if (i < lines.length && lines[i].isEmpty()) {
            i++;
        }
        return String.join("\n", java.util.Arrays.copyOfRange(lines, i, lines.length));
    }

    static Optional<UserId> repliedTo(String body) {
        Matcher m = FALLBACK_SENDER.matcher(body);
        return m.find() ? parse(m.group(1)) : Optional.empty();
    }

    private static Optional<UserId> parse(String id) {
        try {
            return Optional.of(UserId.parse(id));
        } catch (InvalidIdException e) {
            return Optional.empty();
        }
    }
}
