package org.matrixas.bridge.irc.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.matrixas.bridge.irc.text.IrcNames;
import org.matrixas.protocol.id.UserId;

class PuppetNickTemplateTest {
    private static final UserId ALICE = UserId.parse("@alice:hsdomain.com");
    private final PuppetNickTemplate defaults = new PuppetNickTemplate("$LOCALPART[m]");

    @Test
    void nickFor_defaultTemplate_isLocalpartWithSuffix() {
        assertEquals("alice[m]", defaults.nickFor(ALICE, null, 30));
    }

    @Test
    void nickFor_longNick_isCutToNickLen() {
        UserId long1 = UserId.parse("@averyveryverylongname:hsdomain.com");
        assertEquals("averyvery", defaults.nickFor(long1, null, 9));
        assertEquals("averyveryverylongname[", defaults.nickFor(long1, null, 22));
        assertEquals(9, defaults.nickFor(long1, null, 0).length());
    }

    @Test
    void nickFor_otherVariables_substituted() {
        assertEquals("Alice_Liddell", new PuppetNickTemplate("$DISPLAY").nickFor(ALICE, "Alice Liddell", 30));
        assertEquals("alice", new PuppetNickTemplate("$DISPLAY").nickFor(ALICE, null, 30));
        assertEquals("_alice_hsdomain_com", new PuppetNickTemplate("$USERID").nickFor(ALICE, null, 30));
    }

    @Test
    void nickFor_invalidStart_isPrefixed() {
        String nick = defaults.nickFor(UserId.parse("@1234:hsdomain.com"), null, 30);
        assertEquals("_1234[m]", nick);
        assertTrue(IrcNames.isNick(nick));
    }

    @Test
    void fallback_appendsUnderscoreThenCuts() {
        assertEquals("alice[m]_", PuppetNickTemplate.fallback("alice[m]", 30));
        assertEquals("alice[m]__", PuppetNickTemplate.fallback("alice[m]_", 30));
        assertEquals("alice[m_", PuppetNickTemplate.fallback("alice[m]", 8));
        assertEquals("alice[__", PuppetNickTemplate.fallback("alice[m_", 8));
        assertThrows(IllegalStateException.class, () -> PuppetNickTemplate.fallback("a__", 3));
    }
}
