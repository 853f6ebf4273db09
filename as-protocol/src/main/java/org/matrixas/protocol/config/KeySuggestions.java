package org.matrixas.protocol.config;

import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/**
 * "Did you mean": the known word closest to a misspelt one, by edit distance (Levenshtein plus swaps of
 * neighbours, which no maintained Java text library counts as one edit). The homeserver and the bridge use it
 * for unknown configuration keys, so both answer a typo the same way.
 */
public final class KeySuggestions {
    private KeySuggestions() {
    }

    /**
     * The known word at the smallest edit distance from {@code typed}, if that distance is small enough to be a
     * typo: at most 1 for short words, about a third of the length for longer ones. Ties go to the first in
     * alphabetical order, so the answer is stable.
     */
    public static Optional<String> closest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : new TreeSet<>(known)) {
            int d = distance(typed, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(typed.length(), best == null ? 0 : best.length()) / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Edit distance counting an insertion, deletion, substitution or swap of neighbours as one edit. */
    public static int distance(String a, String b) {
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
