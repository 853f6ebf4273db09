package org.matrixas.homeserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.homeserver.config.AppServiceConfig;
import org.matrixas.homeserver.txn.AppServiceStatus;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;

/**
 * Services registered from code ({@code Homeserver.registerAppService}), ephemeral delivery, a service down and
 * back, queries and other services unaffected by a backed-off or hung service, and ping ending a back-off.
 */
class AppServiceApiIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @TempDir
    Path dir;
    private Homeserver hs;
    private final List<FakeAppService> fakes = new ArrayList<>();
    private HomeserverClient alice;
    private String aliceToken;

    @BeforeEach
    void start() {
        // A long back-off: anything delivered quickly while a service is backed off was not waiting for it.
        hs = Homeserver.start(TestServers.config(dir).appservice(AppServiceConfig.DEFAULT
                .withBackoff(Duration.ofSeconds(60), Duration.ofSeconds(120)).withQuery(Duration.ofSeconds(5), 2))
                .build());
        aliceToken = HomeserverClient.anonymous(hs.baseUrl()).registerUser("alice", "password1").accessToken();
        alice = HomeserverClient.create(hs.baseUrl(), aliceToken);
    }

    @AfterEach
    void stop() {
        hs.close();
        fakes.forEach(FakeAppService::close);
    }

    private FakeAppService fake(String hsToken) {
        FakeAppService f = new FakeAppService().hsToken(hsToken);
        fakes.add(f);
        return f;
    }

    private static Registration registration(String id, String url, boolean ephemeral) {
        return Registration.builder().id(id).url(url).asToken(id + "-as").hsToken(id + "-hs").senderLocalpart(id + "bot")
                .receiveEphemeral(ephemeral)
                .namespaces(new Namespaces(List.of(Namespace.exclusive("@" + id + "_.*:localhost")),
                        List.of(Namespace.exclusive("#" + id + "_.*:localhost")), List.of()))
                .build();
    }

    /** A room where the service's bot is joined, so every event in it interests the service. */
    private RoomId sharedRoom(String id) {
        HomeserverClient as = HomeserverClient.create(hs.baseUrl(), id + "-as");
        RoomId room = alice.createRoom(CreateRoomRequest.named("shared").withPreset("public_chat"));
        as.join(room.toString());
        return room;
    }

    @Test
    void registerAppService_duplicateIdOrAsToken_illegalArgument() {
        hs.registerAppService(registration("one", null, false));
        IllegalArgumentException sameId = assertThrows(IllegalArgumentException.class,
                () -> hs.registerAppService(registration("one", null, false)));
        assertTrue(sameId.getMessage().contains("'one'"), sameId.getMessage());
        Registration sameToken = Registration.builder().id("two").asToken("one-as").hsToken("x").senderLocalpart("two")
                .build();
        assertThrows(IllegalArgumentException.class, () -> hs.registerAppService(sameToken));
        assertEquals(UserId.parse("@onebot:localhost"), HomeserverClient.create(hs.baseUrl(), "one-as").whoami());
    }

    @Test
    void unregisterThenRegisterAgain_deliveryStopsThenResumesAtHeadWithGrowingTxnIds() throws Exception {
        FakeAppService fake = fake("svc-hs");
        hs.registerAppService(registration("svc", fake.url(), false));
        RoomId room = sharedRoom("svc");
        EventId first = alice.sendText(room, "one");
        List<ClientEvent> before = fake.eventsUntil(e -> e.eventId().equals(first), WAIT);
        long lastTxn = Long.parseLong(fake.lastDeliveredTxnId);
        hs.unregisterAppService("svc");
        hs.unregisterAppService("svc");
        assertFalse(hs.appServiceStatuses().containsKey("svc"));
        EventId missed = alice.sendText(room, "while away");
        fake.attempts.clear();
        hs.registerAppService(registration("svc", fake.url(), false));
        EventId after = alice.sendText(room, "back");
        List<ClientEvent> got = fake.eventsUntil(e -> e.eventId().equals(after), WAIT);
        assertTrue(got.stream().noneMatch(e -> e.eventId().equals(missed)), "the dropped queue stays dropped");
        assertTrue(Long.parseLong(fake.lastDeliveredTxnId) > lastTxn, "txnIds only grow");
        assertFalse(before.isEmpty());
    }

    @Test
    void ephemeral_receiptsPresenceAndTyping_onlyToServicesThatAskedForThem() throws Exception {
        FakeAppService wants = fake("eph-hs");
        FakeAppService plain = fake("plain-hs");
        hs.registerAppService(registration("eph", wants.url(), true));
        hs.registerAppService(registration("plain", plain.url(), false));
        RoomId room = sharedRoom("eph");
        HomeserverClient.create(hs.baseUrl(), "plain-as").join(room.toString());
        EventId msg = alice.sendText(room, "read me");
        String base = hs.baseUrl() + "/_matrix/client/v3";
        String r = base + "/rooms/" + room;
        assertEquals(200, TestServers.call("POST", r + "/receipt/m.read/" + msg, aliceToken, "{}").status());
        assertEquals(200, TestServers.call("PUT", r + "/typing/@alice:localhost", aliceToken,
                "{\"typing\":true,\"timeout\":10000}").status());
        assertEquals(200, TestServers.call("PUT", base + "/presence/@alice:localhost/status", aliceToken,
                "{\"presence\":\"online\",\"status_msg\":\"here\"}").status());
        List<ObjectNode> eph = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (eph.stream().map(e -> e.path("type").asText()).distinct().count() < 3 && System.nanoTime() < deadline) {
            FakeAppService.Attempt a = wants.next(WAIT);
            eph.addAll(a.transaction().ephemeral());
        }
        ObjectNode receipt = eph.stream().filter(e -> e.path("type").asText().equals("m.receipt")).findFirst()
                .orElseThrow();
        assertTrue(receipt.path("content").path(msg.toString()).path("m.read").has("@alice:localhost"), receipt.toString());
        assertEquals(room.toString(), receipt.path("room_id").asText());
        assertTrue(eph.stream().anyMatch(e -> e.path("type").asText().equals("m.typing")
                && e.path("content").path("user_ids").toString().contains("@alice:localhost")));
        assertTrue(eph.stream().anyMatch(e -> e.path("type").asText().equals("m.presence")
                && e.path("content").path("status_msg").asText().equals("here")));
        EventId marker = alice.sendText(room, "marker");
        plain.eventsUntil(e -> e.eventId().equals(marker), WAIT);
        assertTrue(plain.attempts.stream().allMatch(a -> a.transaction().ephemeral().isEmpty()));
        assertEquals("online", alice.get("/_matrix/client/v3/presence/@alice:localhost/status").path("presence").asText());
    }

    @Test
    void serviceDownThenBack_everyEventDeliveredInOrderAndStatusUpAgain() throws Exception {
        FakeAppService first = fake("svc-hs");
        int port = first.port();
        hs.registerAppService(registration("svc", first.url(), false));
        RoomId room = sharedRoom("svc");
        first.close();
        List<EventId> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(alice.sendText(room, "while down " + i));
        }
        awaitStatus("svc", s -> !s.up(), "down");
        FakeAppService back = new FakeAppService(port).hsToken("svc-hs");
        fakes.add(back);
        // The back-off is 60 s; a ping (the operator's "it is back") retries now.
        HomeserverClient.create(hs.baseUrl(), "svc-as").pingAppService("svc", "back");
        List<EventId> got = back.eventsUntil(e -> e.eventId().equals(sent.get(19)), WAIT).stream()
                .filter(e -> e.type().equals("m.room.message")).map(ClientEvent::eventId).toList();
        assertEquals(sent, got);
        awaitStatus("svc", AppServiceStatus::up, "up");
    }

    @Test
    void serviceBackedOff_queryStillAnsweredAndPingRetriesAtOnce() throws Exception {
        FakeAppService fake = fake("svc-hs");
        hs.registerAppService(registration("svc", fake.url(), false));
        HomeserverClient as = HomeserverClient.create(hs.baseUrl(), "svc-as");
        fake.onAlias = alias -> {
            as.createRoom(CreateRoomRequest.named("q").withPreset("public_chat").withAliasName(alias.localpart()));
            return true;
        };
        fake.failNext.set(1);
        RoomId room = sharedRoom("svc");
        assertTrue(fake.next(WAIT).failed());
        awaitStatus("svc", s -> !s.up() && s.retryDelay().toSeconds() >= 60, "backed off for a minute");
        RoomId viaQuery = alice.join("#svc_lobby:localhost");
        assertTrue(hs.appServiceStatuses().get("svc").consecutiveFailures() >= 1, "still backed off");
        assertEquals(viaQuery, alice.resolveAlias(org.matrixas.protocol.id.RoomAlias.parse("#svc_lobby:localhost"))
                .orElseThrow());
        long ms = as.pingAppService("svc", "wake");
        assertTrue(ms >= 0);
        FakeAppService.Attempt retried = fake.next(WAIT);
        assertFalse(retried.failed());
        assertEquals(room, retried.transaction().events().get(0).roomId());
    }

    @Test
    void oneServiceHung_clientsAndOtherServicesUnaffected() throws Exception {
        FakeAppService hung = fake("hung-hs");
        FakeAppService healthy = fake("ok-hs");
        hung.hang = new CountDownLatch(1);
        hs.registerAppService(registration("hung", hung.url(), false));
        hs.registerAppService(registration("ok", healthy.url(), false));
        RoomId room = sharedRoom("hung");
        HomeserverClient.create(hs.baseUrl(), "ok-as").join(room.toString());
        List<EventId> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(alice.sendText(room, "m" + i));
        }
        List<EventId> got = healthy.eventsUntil(e -> e.eventId().equals(sent.get(9)), WAIT).stream()
                .filter(e -> e.type().equals("m.room.message")).map(ClientEvent::eventId).toList();
        assertEquals(sent, got);
        assertEquals(0, hung.attempts.size(), "the hung service is still inside its first push");
        hung.hang.countDown();
    }

    /** Polls the status with a deadline (the pipeline has no status-change callback). */
    private void awaitStatus(String id, java.util.function.Predicate<AppServiceStatus> p, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            AppServiceStatus s = hs.appServiceStatuses().get(id);
            if (s != null && p.test(s)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError(id + " never " + what + ": " + hs.appServiceStatuses().get(id));
    }
}
