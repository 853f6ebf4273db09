package org.matrixas.protocol.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UserIdEscapingTest {

    @ParameterizedTest
    @CsvSource({
        "Bob, _bob",
        "bob, bob",
        "some_nick, some__nick",
        "a=b, a=3db",
        "[m]x, =5bm=5dx",
        "é, =c3=a9",
        "x/y+z.1-2, x/y+z.1-2"
    })
    void escape_knownNames_matchSpecMapping(String name, String expected) {
        assertEquals(expected, UserIdEscaping.escape(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bob", "some_nick", "[Weird]|Nick^", "ÄÖÜ日本", "a=b", "__", "Z"})
    void unescape_escaped_returnsOriginal(String name) {
        String escaped = UserIdEscaping.escape(name);
        assertTrue(UserId.isStrictLocalpart(escaped), escaped);
        assertEquals(name, UserIdEscaping.unescape(escaped));
    }
}
