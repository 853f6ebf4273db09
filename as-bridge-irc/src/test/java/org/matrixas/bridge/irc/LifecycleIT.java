package org.matrixas.bridge.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.matrixas.bridge.irc.BridgeFixture.CHANNEL;
import static org.matrixas.bridge.irc.BridgeFixture.FAST;
import static org.matrixas.bridge.irc.BridgeFixture.HS_DOMAIN;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.testing.Await;
import org.matrixas.bridge.irc.testing.IrcTestClient;
import org.matrixas.bridge.irc.testing.NgircdServer;
import org.matrixas.bridge.irc.testing.RecordingHomeserver;
import org.matrixas.bridge.irc.testing.RecordingHomeserver.Mode;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

/** Health, registration modes and shutdown, against a real ngircd. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleIT {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final RoomAlias ALIAS = RoomAlias.parse("#irc.freenode.net/#matrix:" + HS_DOMAIN);
    /**
     * Threads that are not the bridge's: the JDK HTTP client's selector (HomeserverClient offers no close on JDK 17;
     * it ends when the client is collected), the test's own IRC client and homeserver, and JVM-wide pools.
     */
    static final List<String> FOREIGN_THREADS = List.of("HttpClient-", "irc-test-client", "test-hs", "ForkJoinPool",
            "process reaper", "Attach Listener", "surefire", "junit", "Common-Cleaner");
    final HttpClient http = HttpClient.newHttpClient();
    NgircdServer ircd;

    @BeforeAll
    void startIrcd(@TempDir Path dir) throws IOException {
        ircd = NgircdServer.start(dir);
    }

    @AfterAll
    void stopIrcd() {
        if (ircd != null) {
            ircd.close();
        }
    }

    @Test
    void health_beforeRegistration_is503_thenAfter_is200(@TempDir Path data) throws Exception {
        try (RecordingHomeserver hs = new RecordingHomeserver(HS_DOMAIN, Mode.QUERY_APPSERVICE)) {
            hs.setRegistrationOpen(false);
            try (IrcBridge bridge = IrcBridge.start(BridgeFixture.config(hs.url(), ircd.port(), data), FAST)) {
                Await.until(WAIT, () -> hs.calls(c -> c.path().contains("register")).size() >= 2,
                        () -> "the bridge does not retry registering");
                assertEquals(503, get(bridge, "/health"));
                assertEquals(503, get(bridge, "/_matrix/app/v1/users/%40x%3Ahsdomain.com"));
                assertFalse(bridge.isHealthy());
                hs.setRegistrationOpen(true);
                assertTrue(bridge.awaitHealthy(WAIT));
                assertEquals(200, get(bridge, "/health"));
                assertEquals(404, get(bridge, "/nothing-here"));
            }
        }
    }

    @Test
    void start_hsTokenInConfig_servesWithoutApiRegistration(@TempDir Path data) throws Exception {
        try (RecordingHomeserver hs = new RecordingHomeserver(HS_DOMAIN, Mode.REFUSE_UNREGISTERED)) {
            BridgeConfig config = BridgeFixture.config(hs.url(), ircd.port(), data);
            config = config.withAppService(config.appservice().withHsToken(RecordingHomeserver.HS_TOKEN)
                    .withRegisterViaApi(false));
            try (IrcBridge bridge = IrcBridge.start(config, FAST)) {
                assertTrue(bridge.awaitHealthy(WAIT));
                assertTrue(hs.calls(c -> c.path().contains("appservice")).isEmpty());
                hs.useAppService("http://127.0.0.1:" + bridge.asPort());
                assertTrue(hs.queryAlias(ALIAS));
                assertTrue(hs.roomOf(ALIAS).isPresent());
            }
        }
    }

    @Test
    void close_stopsEveryThreadAndConnection(@TempDir Path data) throws Exception {
        try (RecordingHomeserver hs = new RecordingHomeserver(HS_DOMAIN, Mode.QUERY_APPSERVICE);
                IrcTestClient bob = IrcTestClient.connect(ircd.port(), "Bob")) {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            IrcBridge bridge = IrcBridge.start(BridgeFixture.config(hs.url(), ircd.port(), data), FAST);
            int port;
            try {
                assertTrue(bridge.awaitHealthy(WAIT));
                port = bridge.asPort();
                bob.join(CHANNEL);
                assertTrue(hs.queryAlias(ALIAS));
                RoomId room = RoomId.parse(hs.roomOf(ALIAS).orElseThrow());
                hs.pushTransaction("t1", hs.message(UserId.parse("@alice:" + HS_DOMAIN), room, "m.text", "bye"));
                bob.expect(l -> l.contains(":bye"), WAIT);
            } finally {
                bridge.close();
            }
            bob.expect(l -> l.startsWith(":alice[m]!") && l.contains(" QUIT "), WAIT);
            Await.until(Duration.ofSeconds(30), () -> newThreads(before).isEmpty(),
                    () -> "threads still running after close: " + newThreads(before));
            assertThrows(ConnectException.class, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                }
            });
            assertTrue(bob.seen().stream().anyMatch(l -> l.startsWith(":MatrixBridge!") && l.contains(" QUIT ")),
                    "the bot did not quit: " + bob.seen());
        }
    }

    private static Set<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t))
                .map(Thread::getName)
                .filter(n -> FOREIGN_THREADS.stream().noneMatch(n::startsWith))
                .collect(Collectors.toSet());
    }

    private int get(IrcBridge bridge, String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bridge.asPort() + path))
                .header("Authorization", "Bearer " + RecordingHomeserver.HS_TOKEN).GET().build();
        return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
