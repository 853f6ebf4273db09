package org.matrixas.bridge.irc.mapping;

/** Quoting literal text for namespace regexes, in a form both RE2 (homeservers) and java.util.regex read. */
final class Regexes {
    private static final String META = "\\.+*?()|[]{}^$#&-~ ";

    private Regexes() {
    }

    static String quote(String literal) {
        StringBuilder sb = new StringBuilder(literal.length() + 8);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (META.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
