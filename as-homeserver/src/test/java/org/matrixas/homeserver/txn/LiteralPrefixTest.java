package org.matrixas.homeserver.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LiteralPrefixTest {
    @Test
    void of_plainPrefixThenPattern_prefix() {
        assertEquals("@irc_", LiteralPrefix.of("@irc_.*:hs"));
        assertEquals("@irc_", LiteralPrefix.of("^@irc_[a-z]+:hs$"));
        assertEquals("!net1_", LiteralPrefix.of("\\!net1_.*"));
        assertEquals("@a.b", LiteralPrefix.of("@a\\.b.*"));
        assertEquals("@ab:hs", LiteralPrefix.of("@ab:hs"));
    }

    @Test
    void of_optionalOrRepeatedCharacter_excluded() {
        assertEquals("@ir", LiteralPrefix.of("@irc?_.*"));
        assertEquals("@ir", LiteralPrefix.of("@irc*_.*"));
        assertEquals("@ir", LiteralPrefix.of("@irc{0,2}_.*"));
        assertEquals("@irc", LiteralPrefix.of("@irc+_.*"));
    }

    @Test
    void of_noSharedPrefix_empty() {
        assertEquals("", LiteralPrefix.of("@irc_.*|@xmpp_.*"));
        assertEquals("", LiteralPrefix.of("(?i)@irc_.*"));
        assertEquals("", LiteralPrefix.of(".*"));
        assertEquals("", LiteralPrefix.of("\\d+"));
        assertEquals("@", LiteralPrefix.of("@(irc|xmpp)_.*"));
        assertEquals("", LiteralPrefix.of("@[|]x|y"));
        assertEquals("@", LiteralPrefix.of("@[|]x"), "a | inside a class is no alternation");
        assertEquals("@", LiteralPrefix.of("@[]|]x"), "nor after a ] that opens the class");
    }
}
