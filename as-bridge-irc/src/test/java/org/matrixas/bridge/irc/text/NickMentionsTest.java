package org.matrixas.bridge.irc.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.id.UserId;

class NickMentionsTest {
    private static final UserId ALICE = UserId.parse("@alice:hs");
    private static final Function<String, Optional<UserId>> PUPPETS =
            n -> IrcNames.fold(n).equals(IrcNames.fold("alice[m]")) ? Optional.of(ALICE) : Optional.empty();

    @Test
    void link_nickInsideFormatting_pilledOnceListedOnce() {
        NickMentions.Linked l = NickMentions.link("\u0002Alice[M]\u0002, alice[m] & b", PUPPETS).orElseThrow();
        assertEquals("<b><a href=\"https://matrix.to/#/@alice:hs\">Alice[M]</a></b>, "
                + "<a href=\"https://matrix.to/#/@alice:hs\">alice[m]</a> &amp; b", l.html());
        assertEquals(List.of(ALICE), l.users());
    }

    @Test
    void link_partOfALongerWordOrNobody_noPill() {
        assertTrue(NickMentions.link("xalice[m] alice[m]x", PUPPETS).isEmpty());
        assertTrue(NickMentions.link("nobody here", PUPPETS).isEmpty());
    }

    @Test
    void userOfLink_matrixToUser_parsedElseEmpty() {
        assertEquals(Optional.of(ALICE), NickMentions.userOfLink("https://matrix.to/#/%40alice%3Ahs?via=hs"));
        assertEquals(Optional.empty(), NickMentions.userOfLink("https://matrix.to/#/#room:hs"));
        assertEquals(Optional.empty(), NickMentions.userOfLink("https://example.org/#/@alice:hs"));
        assertEquals(Optional.empty(), NickMentions.userOfLink("https://matrix.to/#/@bad"));
    }
}
