package org.matrixas.protocol.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeySuggestionsTest {
    private static final Set<String> KEYS = Set.of("server_name", "data_dir", "listen", "enable_registration",
            "max_body_bytes", "worker_threads");

    @Test
    void distance_editsCounted() {
        assertEquals(0, KeySuggestions.distance("abc", "abc"));
        assertEquals(1, KeySuggestions.distance("abc", "abd"));
        assertEquals(1, KeySuggestions.distance("abc", "abcd"));
        assertEquals(3, KeySuggestions.distance("", "abc"));
        assertEquals(3, KeySuggestions.distance("kitten", "sitting"));
        assertEquals(1, KeySuggestions.distance("hots", "host"));
    }

    @Test
    void closest_typos_found() {
        assertEquals(Optional.of("enable_registration"), KeySuggestions.closest("enable_registraton", KEYS));
        assertEquals(Optional.of("data_dir"), KeySuggestions.closest("datadir", KEYS));
        assertEquals(Optional.of("listen"), KeySuggestions.closest("lisen", KEYS));
        assertEquals(Optional.of("server_name"), KeySuggestions.closest("server-name", KEYS));
    }

    @Test
    void closest_unrelatedWord_none() {
        assertEquals(Optional.empty(), KeySuggestions.closest("metrics", KEYS));
        assertEquals(Optional.empty(), KeySuggestions.closest("x", KEYS));
        assertEquals(Optional.empty(), KeySuggestions.closest("anything", Set.of()));
    }
}
