package org.matrixas.testkit.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SASL PLAIN, NickServ IDENTIFY and the account view of the in-process server. */
class IrcServerSaslTest extends IrcServerTestSupport {

    @BeforeEach
    void startServerWithAccounts() {
        server = track(IrcServer.builder().account("alice", "s3cret").account("Bob[m]", "hunter2")
                .account("carol", "with some spaces").build().start());
    }

    @Test
    void capLs302_offersSaslPlain() {
        IrcTestClient c = track(IrcTestClient.connectUnregistered(server.host(), server.port()));
        c.sendRaw("CAP LS 302");
        IrcLine ls = c.awaitParsed("CAP LS", l -> "CAP".equals(l.command()), TIMEOUT);
        assertTrue(ls.last().contains("sasl=PLAIN"), ls.raw());
    }

    @Test
    void saslPlain_rightPassword_loggedInBeforeRegistration() {
        IrcTestClient c = saslClient("alice");
        c.sendRaw("AUTHENTICATE PLAIN");
        c.awaitLine("AUTHENTICATE +", l -> "AUTHENTICATE".equals(l.command()) && "+".equals(l.param(0)), TIMEOUT);
        c.sendRaw("AUTHENTICATE " + plain("", "alice", "s3cret"));
        IrcLine loggedIn = await(c, "900");
        assertEquals("alice", loggedIn.param(2));
        await(c, "903");
        c.sendRaw("CAP END");
        await(c, "001");
        assertEquals(Optional.of("alice"), server.accountOf("ALICE"));
    }

    @Test
    void saslPlain_wrongPassword_904AndNotLoggedIn() {
        IrcTestClient c = saslClient("alice");
        c.sendRaw("AUTHENTICATE PLAIN");
        c.sendRaw("AUTHENTICATE " + plain("", "alice", "wrong"));
        await(c, "904");
        c.sendRaw("CAP END");
        await(c, "001");
        assertEquals(Optional.empty(), server.accountOf("alice"));
    }

    @Test
    void saslPlain_otherAuthzid_refused() {
        IrcTestClient c = saslClient("alice");
        c.sendRaw("AUTHENTICATE PLAIN");
        c.sendRaw("AUTHENTICATE " + plain("Bob[m]", "alice", "s3cret"));
        await(c, "904");
    }

    @Test
    void saslPlain_payloadInChunks_reassembled() {
        server = track(IrcServer.builder().account("long", "p".repeat(400)).build().start());
        IrcTestClient c = saslClient("long");
        c.sendRaw("AUTHENTICATE PLAIN");
        String payload = plain("", "long", "p".repeat(400));
        c.sendRaw("AUTHENTICATE " + payload.substring(0, 400));
        c.sendRaw("AUTHENTICATE " + payload.substring(400));
        await(c, "903");
    }

    @Test
    void authenticate_otherMechanismOrWithoutCap_refused() {
        IrcTestClient c = saslClient("alice");
        c.sendRaw("AUTHENTICATE EXTERNAL");
        assertEquals("PLAIN", await(c, "908").param(1));
        await(c, "904");
        IrcTestClient noCap = track(IrcTestClient.connectUnregistered(server.host(), server.port()));
        noCap.sendRaw("AUTHENTICATE PLAIN");
        await(noCap, "904");
    }

    @Test
    void authenticate_abort_906() {
        IrcTestClient c = saslClient("alice");
        c.sendRaw("AUTHENTICATE PLAIN");
        c.sendRaw("AUTHENTICATE *");
        await(c, "906");
    }

    @Test
    void nickServIdentify_ownNickOrNamedAccount_loggedIn() {
        IrcTestClient bob = client("Bob[m]");
        bob.privmsg("NickServ", "IDENTIFY hunter2");
        bob.awaitNotice("Bob[m]", t -> t.equals("You are now identified for \u0002Bob[m]\u0002."), TIMEOUT);
        assertEquals("Bob[m]", await(bob, "900").param(2));
        assertEquals(Optional.of("Bob[m]"), server.accountOf("bob{M}"));

        IrcTestClient other = client("someone");
        other.privmsg("NickServ", "IDENTIFY alice s3cret");
        other.awaitNotice("someone", t -> t.contains("identified for \u0002alice"), TIMEOUT);
        assertEquals(Optional.of("alice"), server.accountOf("someone"));
    }

    @Test
    void nickServIdentify_accountAndPasswordWithSpaces_loggedIn() {
        IrcTestClient c = client("someone");
        c.privmsg("NickServ", "IDENTIFY carol with some spaces");
        c.awaitNotice("someone", t -> t.contains("identified for \u0002carol"), TIMEOUT);
        assertEquals(Optional.of("carol"), server.accountOf("someone"));
    }

    @Test
    void nickServIdentify_wrongPassword_notLoggedInAndNotRecorded() {
        IrcTestClient c = client("alice");
        c.privmsg("NickServ", "IDENTIFY nope");
        c.awaitNotice("alice", t -> t.startsWith("Invalid password"), TIMEOUT);
        assertEquals(Optional.empty(), server.accountOf("alice"));
        assertTrue(server.messages().isEmpty(), "what is said to NickServ is not recorded");
    }

    @Test
    void whois_showsAccount() {
        IrcTestClient alice = client("alice");
        alice.privmsg("NickServ", "IDENTIFY s3cret");
        alice.awaitNotice("alice", t -> t.contains("identified"), TIMEOUT);
        IrcTestClient asker = client("asker");
        asker.sendRaw("WHOIS alice");
        IrcLine account = await(asker, "330");
        assertEquals("alice", account.param(2));
    }

    @Test
    void nickServNick_reserved() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> client("NickServ"));
        assertTrue(e.getMessage().contains("432"), e.getMessage());
    }

    @Test
    void accountOf_afterDisconnect_empty() {
        IrcTestClient alice = client("alice");
        alice.privmsg("NickServ", "IDENTIFY s3cret");
        alice.awaitNotice("alice", t -> t.contains("identified"), TIMEOUT);
        alice.quit("bye");
        alice.awaitDisconnect(TIMEOUT);
        assertFalse(server.accountOf("alice").isPresent());
    }

    @Test
    void builder_badAccount_rejected() {
        assertThrows(IllegalArgumentException.class, () -> IrcServer.builder().account("has space", "x"));
        assertThrows(IllegalArgumentException.class, () -> IrcServer.builder().account("ok", ""));
        assertThrows(IllegalArgumentException.class, () -> IrcServer.builder().account("ok", "a\r\nQUIT"));
    }

    /** A connection that has enabled sasl and sent NICK/USER, registration held by the negotiation. */
    private IrcTestClient saslClient(String nick) {
        IrcTestClient c = track(IrcTestClient.connectUnregistered(server.host(), server.port()));
        c.sendRaw("CAP LS 302");
        c.sendRaw("NICK " + nick);
        c.sendRaw("USER " + nick + " 0 * :" + nick);
        c.sendRaw("CAP REQ :sasl");
        c.awaitLine("CAP ACK", l -> "CAP".equals(l.command()) && "ACK".equals(l.param(1)), TIMEOUT);
        return c;
    }

    private static String plain(String authzid, String authcid, String password) {
        return Base64.getEncoder().encodeToString((authzid + "\0" + authcid + "\0" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
