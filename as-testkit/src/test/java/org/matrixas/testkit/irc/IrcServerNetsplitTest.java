package org.matrixas.testkit.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The netsplit hook: split users QUIT with a server-pair reason to their peers and JOIN again on heal. */
class IrcServerNetsplitTest extends IrcServerTestSupport {

    @Test
    void netsplit_twoUsers_peersSeeOneServerQuitEachAndNotEachOther() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        IrcTestClient carol = client("carol");
        alice.join("#a");
        alice.join("#b");
        bob.join("#a");
        bob.join("#b");
        carol.join("#a");
        server.netsplit(List.of("bob", "carol"));
        IrcLine quit = alice.awaitParsed("bob QUIT", l -> "QUIT".equals(l.command()) && "bob".equals(l.nick()),
                TIMEOUT);
        assertEquals("irc.test split.irc.test", quit.param(0));
        alice.awaitParsed("carol QUIT", l -> "QUIT".equals(l.command()) && "carol".equals(l.nick()), TIMEOUT);
        sync(alice);
        assertEquals(2, count(alice, "QUIT"), "one QUIT per user however many channels are shared");
        sync(bob);
        assertEquals(0, count(bob, "QUIT"), "split users are not told about each other or the rest");
        assertEquals(Set.of("alice"), server.channelMembers("#a"));
        assertEquals(true, server.isConnected("bob"), "split users keep their connection");
    }

    @Test
    void heal_afterSplit_usersJoinTheirChannelsAgain_goneUsersStayGone() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        IrcTestClient carol = client("carol");
        alice.join("#a");
        bob.join("#a");
        carol.join("#a");
        server.netsplit(List.of("bob", "carol"));
        alice.awaitParsed("carol QUIT", l -> "QUIT".equals(l.command()) && "carol".equals(l.nick()), TIMEOUT);
        carol.quit("gone");
        carol.awaitDisconnect(TIMEOUT);

        assertEquals(List.of("bob"), server.heal());
        IrcLine join = alice.awaitParsed("bob JOIN", l -> "JOIN".equals(l.command()) && "bob".equals(l.nick()),
                TIMEOUT);
        assertEquals("#a", join.param(0));
        assertEquals(Set.of("alice", "bob"), server.channelMembers("#a"));
        bob.privmsg("#a", "back");
        alice.awaitPrivmsg("#a", "back"::equals, TIMEOUT);
    }

    @Test
    void netsplit_unknownOrAlreadySplitNick_refused() {
        client("alice").join("#a");
        assertThrows(IllegalArgumentException.class, () -> server.netsplit(List.of("nobody")));
        server.netsplit(List.of("alice"));
        assertThrows(IllegalArgumentException.class, () -> server.netsplit(List.of("alice")));
    }
}
