package org.matrixas.bridge.irc.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One command line of an admin room: {@code !name arg arg...}. {@code rest} is the text after the name as typed
 * (a password may contain spaces); {@code args} is that text split on whitespace.
 */
record AdminCommand(String name, String rest, List<String> args) {

    /** The command in a message body, or empty when the body does not start with {@code !name}. */
    static Optional<AdminCommand> parse(String body) {
        String text = body.strip();
        if (text.length() < 2 || text.charAt(0) != '!' || Character.isWhitespace(text.charAt(1))) {
            return Optional.empty();
        }
        int end = 1;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        String name = text.substring(1, end).toLowerCase(Locale.ROOT);
        String rest = text.substring(end).strip();
        List<String> args = rest.isEmpty() ? List.of() : Arrays.asList(rest.split("\\s+"));
        return Optional.of(new AdminCommand(name, rest, List.copyOf(args)));
    }

    /** The text after the first {@code n} arguments, as typed. */
    String restAfter(int n) {
        String s = rest;
        for (int i = 0; i < n; i++) {
            s = s.substring(args.get(i).length()).stripLeading();
        }
        return s;
    }
}
