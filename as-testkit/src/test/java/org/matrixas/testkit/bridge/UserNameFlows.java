package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcLine;
import org.matrixas.testkit.irc.IrcTestClient;

/**
 * {@code !username} in the admin room, run against each IRC server by a subclass: the puppet registers with the
 * stored user name, a change waits for the next connection, and {@code !reconnect} applies it. The server's WHOIS
 * says which user name it saw.
 */
abstract class UserNameFlows {
    private static final Duration WAIT = AdminRoomClient.WAIT;
    private static final String NET = "irc.example.org";

    @Test
    void username_usedAtConnect_andAfterReconnect(TestHomeserver hs, TestIrc irc) {
        IrcTestClient op = irc.connect("Op");
        op.join("#u");
        MatrixClient alice = hs.registerUser("alice");
        AdminRoomClient admin = AdminRoomClient.open(alice);
        assertTrue(admin.command("!username Alice").contains("not a valid IRC user name"));
        assertTrue(admin.command("!username abcdefghijk").contains("at most 10"));
        assertTrue(admin.command("!username").startsWith("Usage: !username"));
        assertEquals("Your IRC user name on irc.example.org is now ali; you connect with it.",
                admin.command("!username ali"));
        admin.command("!join #u");
        assertEquals("ali", userOf(op, "alice[m]"), "the puppet registered with the stored user name");

        String changed = admin.command("!username " + NET + " alice.m");
        assertEquals("Your IRC user name on irc.example.org is now alice.m from your next connection: send"
                + " !reconnect to reconnect with it now.", changed);
        assertEquals("ali", userOf(op, "alice[m]"), "not before the next connection");
        assertEquals("Reconnected to irc.example.org as alice[m].", admin.command("!reconnect"));
        assertEquals("alice.m", userOf(op, "alice[m]"));
        op.awaitMember("#u", "alice[m]", WAIT);
        assertTrue(admin.command("!username alice.m").endsWith("(your connection uses it already)."));
    }

    static String userOf(IrcTestClient asker, String nick) {
        asker.sendRaw("WHOIS " + nick);
        IrcLine line = asker.awaitParsed("311 of " + nick, l -> "311".equals(l.command())
                && l.params().size() > 2 && nick.equals(l.param(1)), WAIT);
        asker.awaitParsed("318 of " + nick, l -> "318".equals(l.command()), WAIT);
        String user = line.param(2);
        return user.startsWith("~") ? user.substring(1) : user; // "~": no ident server confirmed it (ngircd)
    }

}
