package org.matrixas.homeserver.txn;

/**
 * The literal text every whole-string match of a namespace regex starts with, so a table of prefixes can rule
 * out most services before any regex runs. Conservative: when in doubt the prefix is shorter (at worst empty,
 * which makes the regex a candidate for every ID); it is never longer than what a match must start with.
 */
final class LiteralPrefix {
    private static final String META = ".[]()*+?{}|^$";

    private LiteralPrefix() {
    }

    static String of(String regex) {
        if (hasTopLevelAlternation(regex)) {
            return "";
        }
        StringBuilder prefix = new StringBuilder();
        int i = regex.startsWith("^") ? 1 : 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            int next;
            char literal;
            if (c == '\\') {
                if (i + 1 >= regex.length() || Character.isLetterOrDigit(regex.charAt(i + 1))) {
                    break; // \d, \w, \Q, \x41, ...: a class or an escape this scan does not decode
                }
                literal = regex.charAt(i + 1);
                next = i + 2;
            } else if (META.indexOf(c) >= 0 || Character.isSurrogate(c)) {
                break;
            } else {
                literal = c;
                next = i + 1;
            }
            if (next < regex.length() && "*?{".indexOf(regex.charAt(next)) >= 0) {
                break; // the character may be absent (or repeated a variable number of times)
            }
            prefix.append(literal);
            if (next < regex.length() && regex.charAt(next) == '+') {
                break;
            }
            i = next;
        }
        return prefix.toString();
    }

    /** Whether {@code |} appears outside groups and character classes: then no prefix is shared. */
    static boolean hasTopLevelAlternation(String regex) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
                    i++;
                }
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    i++; // a ']' right after '[' or '[^' is a literal member of the class
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth <= 0) {
                return true;
            }
        }
        return false;
    }
}
