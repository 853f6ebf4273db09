package org.matrixas.testkit.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Registration, server-time, robustness against bad input, and the server lifecycle, over loopback sockets. */
class IrcServerTest extends IrcServerTestSupport {

    @Test
    void connect_validNick_receivesWelcomeIsupportAndMotd() {
        IrcTestClient alice = client("alice");
        IrcLine isupport = await(alice, "005");
        assertTrue(isupport.params().containsAll(List.of("NETWORK=TestNet", "NICKLEN=30", "CHANNELLEN=50",
                "CHANTYPES=#&", "PREFIX=(ov)@+", "CHANMODES=b,k,l,imnst", "CASEMAPPING=rfc1459")), isupport.raw());
        await(alice, "422");
        assertEquals("alice", alice.nick());
        assertTrue(server.isConnected("ALICE"));
        assertEquals(Set.of("alice"), server.nicks());
        assertEquals(1, server.connectionCount());
    }

    @Test
    void nick_takenWithDifferentCase_gets433ThenAnotherNickRegisters() {
        client("alice[1]");
        IrcTestClient raw = track(IrcTestClient.connectUnregistered(server.host(), server.port()));
        raw.sendRaw("NICK ALICE{1}");
        raw.sendRaw("USER bob 0 * :Bob");
        IrcLine inUse = await(raw, "433");
        assertEquals("ALICE{1}", inUse.param(1));
        raw.sendRaw("NICK bob");
        assertEquals("bob", await(raw, "001").param(0));
    }

    @Test
    void connect_takenNick_throwsWithServerReply() {
        client("alice");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> client("Alice"));
        assertTrue(e.getMessage().contains("433"), e.getMessage());
    }

    @Test
    void nick_longerThanNickLen_isTruncated() {
        IrcServer small = track(IrcServer.builder().nickLen(9).build().start());
        IrcTestClient c = track(IrcTestClient.connect(small.host(), small.port(), "averyverylongnick"));
        assertEquals("averyvery", c.nick());
        assertTrue(small.isConnected("averyvery"));
    }

    @Test
    void nick_invalid_gets432() {
        IrcTestClient raw = track(IrcTestClient.connectUnregistered(server.host(), server.port()));
        raw.sendRaw("NICK 9lives");
        assertEquals("9lives", await(raw, "432").param(1));
        raw.sendRaw("NICK :has space");
        await(raw, "432");
    }

    @Test
    void serverTime_enabledAndRequested_tagsRelayedMessagesWithClockTime() {
        Instant fixed = Instant.parse("2026-01-02T03:04:05.678Z");
        IrcServer timed = track(IrcServer.builder().serverTime(true)
                .clock(Clock.fixed(fixed, ZoneOffset.UTC)).build().start());
        IrcTestClient alice = track(IrcTestClient.connect(timed.host(), timed.port(), "alice", "server-time"));
        IrcTestClient bob = track(IrcTestClient.connect(timed.host(), timed.port(), "bob"));
        bob.privmsg("alice", "what time is it");
        ReceivedMessage m = alice.awaitPrivmsg("alice", t -> true, TIMEOUT);
        assertEquals("2026-01-02T03:04:05.678Z", m.tags().get("time"));
        assertEquals(Optional.of(fixed), m.serverTime());
        assertEquals(fixed, timed.messages().get(0).time());
        alice.privmsg("bob", "no tags for you");
        assertEquals(Map.of(), bob.awaitPrivmsg("bob", t -> true, TIMEOUT).tags());
    }

    @Test
    void serverTime_disabled_capabilityRequestIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> client("alice", "server-time"));
        assertTrue(e.getMessage().contains("NAK"), e.getMessage());
    }

    @Test
    void overlongLine_isRejectedWith417AndConnectionStaysUsable() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        alice.privmsg("bob", "x".repeat(600));
        await(alice, "417");
        alice.sendRawBytes(("PRIVMSG bob :" + "y".repeat(50_000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        await(alice, "417");
        String fits = "z".repeat(490);
        alice.privmsg("bob", fits);
        ReceivedMessage m = bob.awaitPrivmsg("bob", t -> t.startsWith("zzz"), TIMEOUT);
        assertTrue(m.text().length() < fits.length(), "relay is cut to 512 bytes once the prefix is added");
        assertEquals(0, bob.received().stream().filter(l -> l.contains("yyy") || l.contains("xxx")).count());
    }

    @Test
    void invalidUtf8AndGarbage_doNotCrashServerOrAffectOthers() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        alice.join("#room");
        bob.join("#room");
        byte[] prefix = "PRIVMSG #room :bad ".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '\r', '\n'};
        alice.sendRawBytes(concat(prefix, bad));
        assertEquals("bad \uFFFD(\uFFFD\uFFFD", bob.awaitPrivmsg("#room", t -> t.startsWith("bad"), TIMEOUT).text());
        alice.sendRawBytes(new byte[] {0, 1, 2, '\n', ':', '\n', '@', ' ', '\n', '\r', '\n', (byte) 0x80, '\n'});
        alice.sendRaw("FROBNICATE now");
        alice.awaitLine("421 FROBNICATE", l -> "421".equals(l.command()) && "FROBNICATE".equals(l.param(1)), TIMEOUT);
        alice.privmsg("#room", "still alive");
        bob.awaitPrivmsg("#room", "still alive"::equals, TIMEOUT);
    }

    @Test
    void abruptDisconnect_peersSeeQuitAndServerCarriesOn() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        alice.join("#room");
        bob.join("#room");
        bob.sendRawBytes("PRIVMSG #room :half a li".getBytes(StandardCharsets.US_ASCII));
        bob.close();
        IrcLine quit = await(alice, "QUIT");
        assertEquals("bob", quit.nick());
        assertEquals(1, server.connectionCount());
        IrcTestClient carol = client("carol");
        carol.join("#room");
        alice.privmsg("#room", "hi carol");
        carol.awaitPrivmsg("#room", "hi carol"::equals, TIMEOUT);
    }

    @Test
    void kill_connectedNick_sendsErrorClosesAndPeersSeeQuit() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        alice.join("#room");
        bob.join("#room");
        assertTrue(server.kill("bob"));
        await(bob, "ERROR");
        bob.awaitDisconnect(TIMEOUT);
        assertTrue(await(alice, "QUIT").param(0).startsWith("Killed"));
        assertFalse(server.isConnected("bob"));
        assertFalse(server.kill("nobody"));
    }

    @Test
    void disconnectAll_dropsEveryClientButKeepsListening() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        server.disconnectAll();
        assertEquals(0, server.connectionCount());
        alice.awaitDisconnect(TIMEOUT);
        bob.awaitDisconnect(TIMEOUT);
        IrcTestClient again = client("alice");
        assertEquals("alice", again.nick());
    }

    @Test
    void commandBeforeRegistration_gets451AndPingIsAnswered() {
        IrcTestClient raw = track(IrcTestClient.connectUnregistered(server.host(), server.port()));
        raw.sendRaw("JOIN #room");
        await(raw, "451");
        raw.sendRaw("PING :are you there");
        assertEquals("are you there", await(raw, "PONG").last());
    }

    @Test
    void close_afterUse_leavesNoServerThreadAndFreesPort() throws IOException {
        IrcServer own = IrcServer.builder().ioThreads(3).build().start();
        int port = own.port();
        String prefix = "irc-server-io-" + port + "-";
        IrcTestClient c = track(IrcTestClient.connect(own.host(), port, "alice"));
        c.join("#room");
        assertEquals(3, serverThreads(prefix));
        own.close();
        assertEquals(0, serverThreads(prefix));
        c.awaitDisconnect(TIMEOUT);
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress("127.0.0.1", port));
        }
        assertThrows(IllegalStateException.class, own::start);
    }

    @Test
    void stopThenStart_samePort_clientsReconnect() {
        int port = server.port();
        IrcTestClient alice = client("alice");
        alice.join("#room");
        server.stop();
        assertFalse(server.isRunning());
        alice.awaitDisconnect(TIMEOUT);
        server.start();
        assertEquals(port, server.port());
        IrcTestClient again = client("alice");
        again.join("#room");
        assertEquals(Set.of("alice"), server.channelMembers("#room"));
    }

    @Test
    void builder_invalidSettings_throwWithClearMessage() {
        IrcServer.Builder b = IrcServer.builder();
        assertThrows(IllegalArgumentException.class, () -> b.port(70000));
        assertThrows(IllegalArgumentException.class, () -> b.port(-1));
        assertThrows(IllegalArgumentException.class, () -> b.host(" "));
        assertThrows(IllegalArgumentException.class, () -> b.nickLen(0));
        assertThrows(IllegalArgumentException.class, () -> b.ioThreads(0));
        assertThrows(IllegalArgumentException.class, () -> b.networkName("Test Net"));
        assertThrows(NullPointerException.class, () -> b.clock(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.serverName("nodot"));
        assertTrue(e.getMessage().contains("dot"), e.getMessage());
    }

    private static long serverThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix) && t.isAlive()).count();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
