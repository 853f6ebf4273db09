package org.matrixas.bridge.irc.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import org.matrixas.protocol.config.KeySuggestions;

/** "Did you mean" for a misspelt key, worded for the bridge's config errors. */
final class Suggestions {

    private Suggestions() {
    }

    /** {@code " (did you mean 'x'?)"}, or {@code ""} when no known key is near {@code unknown}. */
    static String didYouMean(String unknown, Collection<Object> known) {
        if (unknown == null || known == null || known.isEmpty()) {
            return "";
        }
        return KeySuggestions.closest(unknown.toLowerCase(Locale.ROOT), known.stream().map(Objects::toString).toList())
                .map(k -> " (did you mean '" + k + "'?)").orElse("");
    }
}
