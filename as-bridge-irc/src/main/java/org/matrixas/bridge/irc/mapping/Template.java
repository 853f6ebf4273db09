package org.matrixas.bridge.irc.mapping;

import java.util.Optional;

/** A template with one variable, split into the literal text before and after it. */
record Template(String prefix, String suffix) {

    static Template parse(String template, String variable) {
        int at = template.indexOf(variable);
        if (at < 0) {
            throw new IllegalArgumentException("template '" + template + "' has no " + variable);
        }
        return new Template(template.substring(0, at), template.substring(at + variable.length()));
    }

    String fill(String value) {
        return prefix + value + suffix;
    }

    /** The variable's value in {@code text}, if {@code text} has this template's shape and a non-empty value. */
    Optional<String> extract(String text) {
        if (text.length() <= prefix.length() + suffix.length() || !text.startsWith(prefix) || !text.endsWith(suffix)) {
            return Optional.empty();
        }
        return Optional.of(text.substring(prefix.length(), text.length() - suffix.length()));
    }

    /** A regex matching the template with {@code valueRegex} in place of the variable. */
    String regex(String valueRegex) {
        return Regexes.quote(prefix) + valueRegex + Regexes.quote(suffix);
    }
}
