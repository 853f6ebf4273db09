package org.matrixas.testkit.irc;

/**
 * RFC 1459 case folding. The server advertises {@code CASEMAPPING=rfc1459}, under which {@code []\~} are
 * the upper-case forms of <code>{}|^</code>; every nick and channel lookup must fold the same way or
 * collisions slip through.
 */
final class CaseMapping {
    private CaseMapping() {
    }

    static String fold(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            char ch = s.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                ch = (char) (ch + ('a' - 'A'));
            } else if (ch == '[') {
                ch = '{';
            } else if (ch == ']') {
                ch = '}';
            } else if (ch == '\\') {
                ch = '|';
            } else if (ch == '~') {
                ch = '^';
            }
            out[i] = ch;
        }
        return new String(out);
    }

    static boolean same(String a, String b) {
        return a != null && b != null && fold(a).equals(fold(b));
    }
}
