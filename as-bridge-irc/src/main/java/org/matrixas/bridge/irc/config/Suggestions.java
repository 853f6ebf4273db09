package org.matrixas.bridge.irc.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;

/** "Did you mean" for a misspelt key: the known key of that section nearest by edit distance, if near enough. */
final class Suggestions {

    private Suggestions() {
    }

    /** {@code " (did you mean 'x'?)"}, or {@code ""} when no known key is near {@code unknown}. */
    static String didYouMean(String unknown, Collection<Object> known) {
        if (unknown == null || known == null || known.isEmpty()) {
            return "";
        }
        String wanted = unknown.toLowerCase(java.util.Locale.ROOT);
        // A third of the word's length (at least 2) keeps "prot" → "port" but not "colour" → "tls".
        int limit = Math.max(2, wanted.length() / 3);
        return known.stream().map(Objects::toString)
                .min(Comparator.comparingInt((String k) -> distance(wanted, k)).thenComparing(k -> k))
                .filter(k -> distance(wanted, k) <= limit)
                .map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    /** Levenshtein distance, with a swap of two neighbouring letters counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
