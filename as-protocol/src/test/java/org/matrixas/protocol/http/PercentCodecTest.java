package org.matrixas.protocol.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PercentCodecTest {

    @ParameterizedTest
    @ValueSource(strings = {"@irc.freenode.net/Bob:hs", "#irc.freenode.net/#matrix:hs", "a+b c", "日本", "!x:y", "%41"})
    void decode_encoded_roundTrips(String value) {
        assertEquals(value, PercentCodec.decode(PercentCodec.encode(value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%4", "%zz", "%c3%28", "abc%"})
    void decode_malformed_throws(String segment) {
        assertThrows(IllegalArgumentException.class, () -> PercentCodec.decode(segment));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a+b"})
    void decode_plus_staysPlus(String segment) {
        assertEquals("a+b", PercentCodec.decode(segment));
    }
}
