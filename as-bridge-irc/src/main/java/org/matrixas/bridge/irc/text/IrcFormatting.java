package org.matrixas.bridge.irc.text;

import java.util.Optional;

/**
 * IRC formatting codes to Matrix: the plain text without codes for {@code body}, and HTML for
 * {@code formatted_body} ({@code org.matrix.custom.html}) when the line has any formatting. Every character of
 * IRC text is HTML-escaped, so an IRC user can never inject markup; only the tags this class writes appear.
 *
 * <p>Codes: 0x02 bold, 0x1D italic, 0x1F underline, 0x1E strike-through, 0x11 monospace, 0x03 colour
 * ({@code fg[,bg]}, 0-98), 0x04 hex colour ({@code RRGGBB[,RRGGBB]}), 0x16 reverse (ignored), 0x0F reset.
 */
public final class IrcFormatting {
    /** The 16 mIRC colours; 16-98 fall back to no colour. */
    private static final String[] COLOURS = {"#ffffff", "#000000", "#00007f", "#009300", "#ff0000", "#7f0000",
            "#9c009c", "#fc7f00", "#ffff00", "#00fc00", "#009393", "#00ffff", "#0000fc", "#ff00ff", "#7f7f7f",
            "#d2d2d2"};

    private IrcFormatting() {
    }

    /** {@code text} without any formatting code. */
    public static String strip(String text) {
        return convert(text, false);
    }

    /** The HTML of {@code text}, or empty when it has no formatting codes (send {@code body} alone then). */
    public static Optional<String> toHtml(String text) {
        if (!hasCodes(text)) {
            return Optional.empty();
        }
        return Optional.of(convert(text, true));
    }

    /** The HTML of {@code text} even when it has no formatting codes (escaped text then). */
    public static String html(String text) {
        return convert(text, true);
    }

    static boolean hasCodes(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isCode(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCode(char c) {
        return c == 0x02 || c == 0x1D || c == 0x1F || c == 0x1E || c == 0x11 || c == 0x03 || c == 0x04 || c == 0x16
                || c == 0x0F;
    }

    private static String convert(String text, boolean html) {
        Style style = new Style();
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!isCode(c)) {
                if (html) {
                    escape(c, out);
                } else {
                    out.append(c);
                }
                i++;
                continue;
            }
            Style before = style.copy();
            while (i < text.length() && isCode(text.charAt(i))) {
                i = style.apply(text, i);
            }
            if (html && !style.equals(before)) {
                before.close(out);
                style.open(out);
            }
        }
        if (html) {
            style.close(out);
        }
        return out.toString();
    }

    static void escape(char c, StringBuilder out) {
        switch (c) {
            case '&' -> out.append("&amp;");
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#39;");
            default -> out.append(c);
        }
    }

    /** The formatting in effect; tags are closed and reopened on every change, which keeps the HTML well nested. */
    private static final class Style {
        boolean bold;
        boolean italic;
        boolean underline;
        boolean strike;
        boolean mono;
        String fg;
        String bg;

        Style copy() {
            Style s = new Style();
            s.bold = bold;
            s.italic = italic;
            s.underline = underline;
            s.strike = strike;
            s.mono = mono;
            s.fg = fg;
            s.bg = bg;
            return s;
        }

        /** Applies the code at {@code i}; returns the index after it and its parameters. */
        int apply(String t, int i) {
            char c = t.charAt(i++);
            switch (c) {
                case 0x02 -> bold = !bold;
                case 0x1D -> italic = !italic;
                case 0x1F -> underline = !underline;
                case 0x1E -> strike = !strike;
                case 0x11 -> mono = !mono;
                case 0x0F -> {
                    bold = italic = underline = strike = mono = false;
                    fg = bg = null;
                }
                case 0x03 -> i = colour(t, i);
                case 0x04 -> i = hexColour(t, i);
                default -> { } // 0x16 reverse: no HTML equivalent
            }
            return i;
        }

        private int colour(String t, int i) {
            int[] fgEnd = number(t, i);
            if (fgEnd == null) {
                fg = bg = null;
                return i;
            }
            fg = mirc(fgEnd[0]);
            i = fgEnd[1];
            if (i + 1 < t.length() && t.charAt(i) == ',') {
                int[] bgEnd = number(t, i + 1);
                if (bgEnd != null) {
                    bg = mirc(bgEnd[0]);
                    i = bgEnd[1];
                }
            }
            return i;
        }

        private int hexColour(String t, int i) {
            if (!isHex(t, i)) {
                fg = bg = null;
                return i;
            }
            fg = "#" + t.substring(i, i + 6).toLowerCase(java.util.Locale.ROOT);
            i += 6;
            if (t.length() > i && t.charAt(i) == ',' && isHex(t, i + 1)) {
                bg = "#" + t.substring(i + 1, i + 7).toLowerCase(java.util.Locale.ROOT);
                i += 7;
            }
            return i;
        }

        private static boolean isHex(String t, int i) {
            return t.length() >= i + 6 && t.substring(i, i + 6).matches("[0-9A-Fa-f]{6}");
        }

        /** One or two digits at {@code i}: {value, end}, or null. */
        private static int[] number(String t, int i) {
            int end = i;
            while (end < t.length() && end < i + 2 && Character.isDigit(t.charAt(end)) && t.charAt(end) < 128) {
                end++;
            }
            return end == i ? null : new int[] {Integer.parseInt(t.substring(i, end)), end};
        }

        private static String mirc(int n) {
            return n < COLOURS.length ? COLOURS[n] : null;
        }

        void open(StringBuilder out) {
            if (fg != null || bg != null) {
                out.append("<font");
                if (fg != null) {
                    out.append(" data-mx-color=\"").append(fg).append('"');
                }
                if (bg != null) {
                    out.append(" data-mx-bg-color=\"").append(bg).append('"');
                }
                out.append('>');
            }
            out.append(bold ? "<b>" : "").append(italic ? "<i>" : "").append(underline ? "<u>" : "")
                    .append(strike ? "<del>" : "").append(mono ? "<code>" : "");
        }

        void close(StringBuilder out) {
            out.append(mono ? "</code>" : "").append(strike ? "</del>" : "").append(underline ? "</u>" : "")
                    .append(italic ? "</i>" : "").append(bold ? "</b>" : "");
            if (fg != null || bg != null) {
                out.append("</font>");
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Style s && s.bold == bold && s.italic == italic && s.underline == underline
                    && s.strike == strike && s.mono == mono && java.util.Objects.equals(s.fg, fg)
                    && java.util.Objects.equals(s.bg, bg);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(bold, italic, underline, strike, mono, fg, bg);
        }
    }
}
