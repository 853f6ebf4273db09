package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.bridge.irc.IrcBridge;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.testkit.Await;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.IrcTls;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestBridge;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcTestClient;
import org.matrixas.testkit.ngircd.NgircdServer;
import org.matrixas.testkit.tls.TestCertificate;
import org.matrixas.testkit.tls.TlsFront;

/**
 * TLS to IRC: the bot and a puppet talk through TLS to the in-process server (behind a {@link TlsFront}) and to a
 * real ngircd, trusting only the test's self-signed certificate ({@code tls_ca_file}); a certificate that is not
 * trusted, or is for another host, is refused and the bridge stays unhealthy with a log line saying why.
 */
class TlsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CHANNEL = "#tls";
    private static final String ALIAS = "#irc.example.org/#tls:localhost";
    private static final String HANDSHAKE_FAILED = "TLS handshake failed";
    /** The JDK's words for a certificate that does not chain to a trusted one ("path building/validation failed"). */
    private static final String UNTRUSTED = "PKIX path";

    @TempDir
    Path dir;

    @Test
    @MatrixTest(irc = IrcMode.IN_PROCESS, ircTls = true, bridge = true, channels = CHANNEL,
            bridgeConfig = FastBridge.class)
    void inProcess_botAndPuppet_messagesBothWaysOverTls(TestHomeserver hs, TestIrc irc, TestBridge bridge) {
        TlsFront front = irc.tlsFront().orElseThrow();
        assertUsesTlsPort(irc, bridge);
        assertEquals(1, front.handshakes(), "the bot's connection");

        messagesBothWays(hs, irc);

        Await.until("the puppet's TLS handshake", () -> front.handshakes() == 2, WAIT);
        assertEquals(0, front.failedHandshakes(), () -> front.lastFailure().orElse(""));
    }

    @Test
    @MatrixTest(irc = IrcMode.NGIRCD, ircTls = true, bridge = true, channels = CHANNEL,
            bridgeConfig = FastBridge.class)
    void ngircd_botAndPuppet_messagesBothWaysOverTls(TestHomeserver hs, TestIrc irc, TestBridge bridge) {
        NgircdServer ngircd = irc.ngircdServer().orElseThrow();
        assertUsesTlsPort(irc, bridge);

        messagesBothWays(hs, irc);

        // ngircd's own word: it logged both registrations on connections it had set up TLS on.
        assertTrue(ngircd.tlsNicks().containsAll(List.of("MatrixBridge", "alice[m]")), ngircd.tlsNicks()::toString);
        assertFalse(ngircd.tlsNicks().contains("Bob"), "Bob is on the plain port");
    }

    @Test
    @MatrixTest(irc = IrcMode.IN_PROCESS, ircTls = true)
    void inProcess_certificateNotInCaFile_refused(TestHomeserver hs, TestIrc irc) {
        IrcTls tls = irc.tls().orElseThrow();
        TlsFront front = irc.tlsFront().orElseThrow();
        Path otherCa = TestCertificate.create(dir, "localhost", "127.0.0.1").certificatePem();

        assertRefused(hs, network(tls.port()).withTls(otherCa), UNTRUSTED,
                () -> front.failedHandshakes() > 0);
        assertEquals(0, front.handshakes());
    }

    @Test
    @MatrixTest(irc = IrcMode.IN_PROCESS, ircTls = true)
    void inProcess_noCaFile_selfSignedNotInJvmTrustStore_refused(TestHomeserver hs, TestIrc irc) {
        TlsFront front = irc.tlsFront().orElseThrow();

        assertRefused(hs, network(irc.tls().orElseThrow().port()).withTls(null), UNTRUSTED,
                () -> front.failedHandshakes() > 0);
        assertEquals(0, front.handshakes());
    }

    @Test
    @MatrixTest(irc = IrcMode.IN_PROCESS)
    void inProcess_trustedCertificateForAnotherHost_refused(TestHomeserver hs, TestIrc irc) {
        TestCertificate elsewhere = TestCertificate.create(dir, "irc.elsewhere.example");
        try (TlsFront front = TlsFront.start(elsewhere, irc.host(), irc.port())) {
            // Trusted (it is the CA file) but not for 127.0.0.1: only the host name check can refuse it.
            assertRefused(hs, network(front.port()).withTls(elsewhere.certificatePem()),
                    "No subject alternative names matching IP address 127.0.0.1", () -> front.failedHandshakes() > 0);
            assertEquals(0, front.handshakes());
        }
    }

    @Test
    @MatrixTest(irc = IrcMode.NGIRCD, ircTls = true)
    void ngircd_certificateNotInCaFile_refused(TestHomeserver hs, TestIrc irc) {
        NgircdServer ngircd = irc.ngircdServer().orElseThrow();
        Path otherCa = TestCertificate.create(dir, "localhost", "127.0.0.1").certificatePem();
        int before = ngircd.tlsAcceptErrors();

        assertRefused(hs, network(irc.tls().orElseThrow().port()).withTls(otherCa), UNTRUSTED,
                () -> ngircd.tlsAcceptErrors() > before);
        assertFalse(ngircd.tlsNicks().contains("MatrixBridge"), ngircd.tlsNicks()::toString);
    }

    private static void assertUsesTlsPort(TestIrc irc, TestBridge bridge) {
        NetworkConfig network = bridge.config().networks().get(0);
        IrcTls tls = irc.tls().orElseThrow();
        assertTrue(network.tls());
        assertEquals(tls.port(), network.port());
        assertNotEquals(irc.port(), network.port(), "the plain port");
        assertEquals(tls.caFile(), network.tlsCaFile());
    }

    /** Bob on the plain port hears alice's puppet, and alice hears Bob through the bot. */
    private static void messagesBothWays(TestHomeserver hs, TestIrc irc) {
        IrcTestClient bob = irc.connect("Bob");
        bob.join(CHANNEL);
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join(ALIAS);

        bob.privmsg(CHANNEL, "hello over TLS");
        alice.awaitText(room, "hello over TLS", WAIT);
        alice.sendText(room, "hi back over TLS");
        assertEquals("alice[m]", bob.awaitPrivmsg(CHANNEL, "hi back over TLS"::equals, WAIT).fromNick());
    }

    private static NetworkConfig network(int port) {
        return NetworkConfig.of("irc.example.org", "127.0.0.1", port).withChannels(List.of(CHANNEL));
    }

    /**
     * Starts a bridge for {@code network} and waits for its refused handshake: logged with {@code reason}, seen by
     * the server ({@code serverSawIt}); the bridge is not healthy.
     */
    private void assertRefused(TestHomeserver hs, NetworkConfig network, String reason, BooleanSupplier serverSawIt) {
        try (LogCapture log = new LogCapture();
                IrcBridge bridge = OwnBridge.startWithoutWaiting(hs, OwnBridge.config(hs, dir.resolve("bridge"),
                        List.of(network)))) {
            Await.until("the bridge to log the refused TLS handshake",
                    () -> log.contains(HANDSHAKE_FAILED) && log.contains(reason), WAIT);
            Await.until("the server to see the refused handshake", serverSawIt, WAIT);
            assertTrue(log.contains("tls_ca_file"), "the log names the setting");
            assertFalse(bridge.isHealthy());
        }
    }
}
