package org.matrixas.testkit.bridge;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcTestClient;

/**
 * IRC lines that are not UTF-8 reach Matrix decoded with the network's {@code encoding_fallback} (windows-1252 by
 * default), never as U+FFFD. On ngircd, which relays bytes as they come: the in-process server decodes every line
 * as UTF-8 itself, so a latin-1 byte would be replaced before the bridge sees it.
 */
@MatrixTest(irc = IrcMode.NGIRCD, bridge = true, channels = "#enc", bridgeConfig = FastBridge.class)
class EncodingFallbackIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void latin1Line_decodedWithFallback_utf8LineUnchanged(TestHomeserver hs, TestIrc irc) {
        IrcTestClient bob = irc.connect("Bob");
        bob.join("#enc");
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join("#irc.example.org/#enc:localhost");

        bob.sendRawBytes("PRIVMSG #enc :caf\u00e9 cr\u00e8me \u0080\r\n".getBytes(StandardCharsets.ISO_8859_1));
        alice.awaitText(room, "café crème €", WAIT);
        bob.privmsg("#enc", "naïve ✓");
        alice.awaitText(room, "naïve ✓", WAIT);
    }
}
