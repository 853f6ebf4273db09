package org.matrixas.bridge.irc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.config.KeySuggestions;

class SuggestionsTest {

    @Test
    void distance_editsAndSwaps_counted() {
        assertEquals(0, KeySuggestions.distance("port", "port"));
        assertEquals(1, KeySuggestions.distance("prot", "port"));
        assertEquals(1, KeySuggestions.distance("max_pupets", "max_puppets"));
        assertEquals(3, KeySuggestions.distance("", "tls"));
    }

    @Test
    void didYouMean_nearKey_suggestedFarKey_not() {
        List<Object> known = List.of("host", "port", "tls", "channels");
        assertEquals(" (did you mean 'port'?)", Suggestions.didYouMean("prot", known));
        assertEquals(" (did you mean 'channels'?)", Suggestions.didYouMean("Chanels", known));
        assertEquals("", Suggestions.didYouMean("colourscheme", known));
        assertEquals("", Suggestions.didYouMean("x", List.of()));
    }
}
