package org.matrixas.bridge.irc.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matrixas.bridge.irc.text.HtmlToIrc;
import org.matrixas.protocol.id.InvalidIdException;
import org.matrixas.protocol.id.UserId;

/**
 * The IRC text of a Matrix message's content: {@code formatted_body} through {@link HtmlToIrc} when it is
 * {@code org.matrix.custom.html}, else {@code body}; an edit ({@code m.new_content}) as {@code "* <new text>"};
 * a reply without its quoted fallback, prefixed {@code "<nick>: "} with the replied-to sender's IRC nick.
 */
final class MatrixText {
    /** The first line of a reply fallback: {@code > <@user:server> text}. */
    private static final Pattern FALLBACK_SENDER = Pattern.compile("^> <(@[^>\\s]+)>");

    private MatrixText() {
    }

    /** The text to say on IRC, or empty when the content has no text. */
    static Optional<String> toIrc(JsonNode content, Function<UserId, String> nickOf) {
        JsonNode newContent = content.path("m.new_content");
        if (newContent.isObject()) {
            return text(newContent).map(t -> "* " + t);
        }
        Optional<String> text = text(content);
        if (text.isEmpty() || !content.path("m.relates_to").path("m.in_reply_to").isObject()) {
            return text;
        }
        String body = content.path("body").asText("");
        Optional<String> nick = repliedTo(body).map(nickOf);
        String withoutFallback = content.has("formatted_body") && isHtml(content) ? text.get() : stripFallback(body);
        return Optional.of(nick.map(n -> n + ": ").orElse("") + withoutFallback);
    }

    private static Optional<String> text(JsonNode content) {
        if (isHtml(content) && content.path("formatted_body").isTextual()) {
            return Optional.of(HtmlToIrc.convert(content.get("formatted_body").asText()));
        }
        JsonNode body = content.path("body");
        return body.isTextual() ? Optional.of(stripFallbackIfReply(content, body.asText())) : Optional.empty();
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
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UserId.parse(m.group(1)));
        } catch (InvalidIdException e) {
            return Optional.empty();
        }
    }
}
