package org.matrixas.bridge.irc.kicl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OthersMembershipFilterTest {
    @Test
    void isOthersMembership_joinPartQuitNickOfOthers_dropped() {
        assertTrue(OthersMembershipFilter.isOthersMembership(":bob!b@h JOIN #chan", "alice[m]"));
        assertTrue(OthersMembershipFilter.isOthersMembership("@time=2020-01-01T00:00:00Z :bob!b@h PART #chan :bye",
                "alice[m]"));
        assertTrue(OthersMembershipFilter.isOthersMembership(":bob!b@h QUIT :gone", "alice[m]"));
        assertTrue(OthersMembershipFilter.isOthersMembership(":bob!b@h NICK bobby", "alice[m]"));
    }

    @Test
    void isOthersMembership_selfOrOtherCommands_kept() {
        assertFalse(OthersMembershipFilter.isOthersMembership(":Alice[M]!m@h JOIN #chan", "alice[m]"));
        assertFalse(OthersMembershipFilter.isOthersMembership(":bob!b@h PRIVMSG #chan :hi", "alice[m]"));
        assertFalse(OthersMembershipFilter.isOthersMembership(":bob!b@h KICK #chan alice[m] :out", "alice[m]"));
        assertFalse(OthersMembershipFilter.isOthersMembership(":irc.test 353 alice[m] = #chan :bob alice[m]",
                "alice[m]"));
        assertFalse(OthersMembershipFilter.isOthersMembership("PING :x", "alice[m]"));
    }
}
