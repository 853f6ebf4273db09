package org.matrixas.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.appservice.AppService;
import org.matrixas.protocol.appservice.AppServiceEndpoint;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.http.Exchanges;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;
import org.matrixas.testkit.Await;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestAppService;
import org.matrixas.testkit.TestHomeserver;

/**
 * Faults, item 2: an application service refuses connections, then hangs, then answers 500. The back-off grows
 * to its cap, clients are never held up, another service's queries answer, the backlog drains in order once the
 * service is back, and a ping ends the back-off at once.
 */
@MatrixTest(backoffMinMillis = 50, backoffMaxMillis = 6400)
class AsOutageIT {
    enum Mode { UP, HANG, FAIL }

    /** A service on a fixed port whose listener can be closed (connection refused) and reopened. */
    static final class Flaky implements AppService {
        final List<String> bodies = new ArrayList<>();
        final int port = Rel.freePort();
        final String hsToken = "hs_" + UUID.randomUUID();
        final String asToken = "as_" + UUID.randomUUID();
        volatile Mode mode = Mode.UP;
        volatile CountDownLatch release = new CountDownLatch(1);
        private Undertow server;

        synchronized void open() {
            AppServiceEndpoint endpoint = AppServiceEndpoint.builder().hsToken(hsToken).service(this).build();
            HttpHandler h = new HttpHandler() {
                @Override
                public void handleRequest(io.undertow.server.HttpServerExchange ex) throws Exception {
                    if (ex.isInIoThread()) {
                        ex.dispatch(this);
                        return;
                    }
                    boolean ping = ex.getRequestPath().endsWith("/ping");
                    if (!ping && mode == Mode.HANG) {
                        release.await(60, TimeUnit.SECONDS);
                    }
                    if (!ping && mode == Mode.FAIL) {
                        Exchanges.sendError(ex, new MatrixError("M_UNKNOWN", "down", 500));
                        return;
                    }
                    endpoint.handleRequest(ex);
                }
            };
            server = Undertow.builder().addHttpListener(port, "127.0.0.1").setWorkerThreads(8).setHandler(h).build();
            server.start();
        }

        synchronized void close() {
            if (server != null) {
                server.stop();
                server = null;
            }
        }

        @Override
        public synchronized void onTransaction(String txnId, Transaction txn) {
            for (ClientEvent e : txn.events()) {
                if (e.type().equals("m.room.message")) {
                    bodies.add(e.contentString("body").orElse(""));
                }
            }
        }

        synchronized List<String> bodies() {
            return List.copyOf(bodies);
        }
    }

    /** Creates a room for any alias of its namespace it is asked about. */
    static final class AliasMaker implements AppService {
        volatile TestAppService self;

        @Override
        public void onTransaction(String txnId, Transaction transaction) {
        }

        @Override
        public boolean onAliasQuery(RoomAlias alias) {
            self.client().createRoom(CreateRoomRequest.named(alias.localpart()).withAliasName(alias.localpart())
                    .withPreset("public_chat"));
            return true;
        }
    }

    private static JsonNode status(TestHomeserver hs, String id) {
        return Rel.send("GET", hs.baseUrl() + "/health", null, (byte[]) null).json().path("appservices").path(id);
    }

    @Test
    void refuseHangFail_backoffToCap_clientsUnaffected_otherQueriesAnswer_backlogDrains_pingRevives(TestHomeserver hs) {
        Flaky flaky = new Flaky();
        flaky.open();
        hs.registerAppService(Registration.builder().id("flaky").url("http://127.0.0.1:" + flaky.port)
                .asToken(flaky.asToken).hsToken(flaky.hsToken).senderLocalpart("flaky")
                .namespaces(new Namespaces(List.of(), List.of(), List.of(Namespace.shared("!.*:localhost"))))
                .rateLimited(false).build());
        AliasMaker maker = new AliasMaker();
        maker.self = hs.startAppService("other", new Namespaces(List.of(), List.of(Namespace.exclusive("#other_.*:localhost")),
                List.of()), maker);
        MatrixClient alice = hs.registerUser("alice");
        MatrixClient bob = hs.registerUser("bob");
        RoomId room = alice.api().createRoom(CreateRoomRequest.named("outage"));
        List<String> sent = new ArrayList<>();
        int n = 0;
        alice.sendText(room, "m" + n);
        sent.add("m" + n++);
        Await.until("the service to get the first message", () -> flaky.bodies().contains("m0"), Duration.ofSeconds(15));

        List<Long> delays = new ArrayList<>();
        int queries = 0;
        for (Mode phase : List.of(Mode.FAIL /* refused */, Mode.HANG, Mode.FAIL)) {
            boolean refused = delays.isEmpty();
            if (refused) {
                flaky.close();
            } else {
                flaky.release = new CountDownLatch(1);
                flaky.mode = phase;
                flaky.open();
            }
            // Clients are never held up: every send returns while the service is unreachable or hangs.
            for (int i = 0; i < 5; i++) {
                alice.sendText(room, "m" + n);
                sent.add("m" + n++);
            }
            // Queries to another service answer meanwhile.
            RoomId other = bob.join("#other_" + phase.name().toLowerCase() + queries++ + ":localhost");
            assertTrue(other.toString().startsWith("!"));
            if (phase != Mode.HANG) {
                Await.until("the back-off to grow (" + phase + (refused ? ", refused" : "") + ")", () -> {
                    long d = status(hs, "flaky").path("retry_in_ms").asLong();
                    if (delays.isEmpty() || delays.get(delays.size() - 1) != d) {
                        delays.add(d);
                    }
                    return d >= 6400 || !refused && d >= 3200;
                }, Duration.ofSeconds(60));
                assertTrue(!status(hs, "flaky").path("up").asBoolean(true), "the service is reported down");
            } else {
                Await.until("the homeserver to be stuck on the hanging service",
                        () -> flaky.bodies().size() == 1, Duration.ofSeconds(5));
                flaky.release.countDown();
            }
            if (refused) {
                flaky.mode = Mode.UP;
            } else {
                flaky.close();
            }
        }
        // The cap holds: the last observed delays are the cap, never above.
        assertTrue(delays.stream().allMatch(d -> d <= 6400), "delays never exceed the cap: " + delays);
        assertTrue(delays.contains(6400L), "the back-off reached its cap: " + delays);
        // Back up, at the cap: a ping ends the back-off at once (well within the 6.4 s cap).
        flaky.mode = Mode.UP;
        flaky.open();
        Await.until("the retry delay to be at its cap", () -> status(hs, "flaky").path("retry_in_ms").asLong() >= 6400,
                Duration.ofSeconds(60));
        HomeserverClient.create(hs.baseUrl(), flaky.asToken).pingAppService("flaky", "revive");
        Await.until("the backlog to drain after the ping", () -> flaky.bodies().size() >= sent.size(),
                Duration.ofMillis(3000));
        assertEquals(sent, flaky.bodies(), "the backlog drains in order, each message once");
        assertTrue(status(hs, "flaky").path("up").asBoolean(), "the service is reported up");
        flaky.close();
        Rel.figure("AsOutageIT: refused, hanging, 500: " + (sent.size() - 1) + " messages sent during the outage, all "
                + "returned; " + queries + " alias queries to another service answered; back-off delays seen " + delays
                + " (cap 6400 ms); after a ping the backlog of " + sent.size() + " drained in order, once each");
    }
}
