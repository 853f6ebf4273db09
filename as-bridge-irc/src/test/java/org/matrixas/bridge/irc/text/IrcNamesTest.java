package org.matrixas.bridge.irc.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IrcNamesTest {

    @Test
    void isChannel_validAndInvalid() {
        assertTrue(IrcNames.isChannel("#matrix"));
        assertTrue(IrcNames.isChannel("&local"));
        assertTrue(IrcNames.isChannel("##c++"));
        assertFalse(IrcNames.isChannel("#"));
        assertFalse(IrcNames.isChannel("matrix"));
        assertFalse(IrcNames.isChannel("#a b"));
        assertFalse(IrcNames.isChannel("#a,b"));
        assertFalse(IrcNames.isChannel("#a\u0007"));
        assertFalse(IrcNames.isChannel("#a\r\nQUIT"));
    }

    @Test
    void isNick_validAndInvalid() {
        assertTrue(IrcNames.isNick("Bob"));
        assertTrue(IrcNames.isNick("[Bob]`_^{|}\\-9"));
        assertFalse(IrcNames.isNick("9bob"));
        assertFalse(IrcNames.isNick("-bob"));
        assertFalse(IrcNames.isNick("bob!x"));
        assertFalse(IrcNames.isNick(""));
    }

    @Test
    void fold_rfc1459() {
        assertEquals("{bob}|^", IrcNames.fold("[BOB]\\~"));
        assertEquals(IrcNames.fold("#Matrix"), IrcNames.fold("#matrix"));
    }
}
