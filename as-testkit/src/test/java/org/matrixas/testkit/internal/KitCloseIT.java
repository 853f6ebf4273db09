package org.matrixas.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.matrixas.testkit.Await;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.IrcTls;
import org.matrixas.testkit.MatrixTest;

/** Closing a kit leaves no thread and no listening socket behind. */
class KitCloseIT {

    @MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, channels = "#lobby")
    private static final class Settings {
    }

    @MatrixTest(irc = IrcMode.IN_PROCESS, ircTls = true, bridge = true, channels = "#lobby")
    private static final class TlsSettings {
    }

    @Test
    void close_fullKit_noServerThreadOrSocketLeft() {
        assertClosesEverything(Settings.class.getAnnotation(MatrixTest.class));
    }

    @Test
    void close_fullKitWithTls_noFrontThreadOrTlsPortLeft() {
        assertClosesEverything(TlsSettings.class.getAnnotation(MatrixTest.class));
    }

    private static void assertClosesEverything(MatrixTest settings) {
        Set<String> before = threadNames();
        Kit kit = new Kit(settings);
        int hsPort = kit.homeserver().port();
        int ircPort = kit.irc().port();
        int tlsPort = kit.irc().tls().map(IrcTls::port).orElse(ircPort);
        int asPort = kit.bridge().asPort();
        kit.close();
        try {
            Await.until("the kit's threads to end", () -> leftover(before).isEmpty(), Duration.ofSeconds(10));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; still running: " + leftover(before), e);
        }
        for (int port : new int[] {hsPort, ircPort, tlsPort, asPort}) {
            assertThrows(IOException.class, () -> connect(port), "port " + port + " still listens");
        }
    }

    private static Set<String> leftover(Set<String> before) {
        Set<String> now = threadNames();
        now.removeAll(before);
        // The JDK 17 HttpClient has no close(); its selector thread ends once the client is collected.
        now.removeIf(n -> n.startsWith("HttpClient-") || n.startsWith("ForkJoinPool") || n.equals("process reaper"));
        return now;
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void connect(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        }
    }
}
