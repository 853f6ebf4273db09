package org.matrixas.homeserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.Homeserver;
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
import org.matrixas.protocol.registration.RegistrationFiles;

/** Delivery in stream order, retries with the same txnId and events, back-off, and resumption after a restart. */
class PipelineIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    Path dir;
    private FakeAppService fake;
    private Path registration;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeAppService().hsToken("pipe-hs-token");
        registration = dir.resolve("bridge.yaml");
        RegistrationFiles.write(Registration.builder().id("bridge").url(fake.url()).asToken("pipe-as-token")
                .hsToken("pipe-hs-token").senderLocalpart("bridgebot")
                .namespaces(new Namespaces(List.of(Namespace.exclusive("@br_.*:localhost")), List.of(), List.of()))
                .build(), registration);
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private Homeserver start() {
        return Homeserver.start(TestServers.config(dir.resolve("data")).addAppServiceConfigFile(registration).build());
    }

    private static List<EventId> sendMany(HomeserverClient client, RoomId room, int n) {
        List<EventId> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(client.sendText(room, "m" + i));
        }
        return ids;
    }

    @Test
    void push_manyEvents_deliveredInStreamOrderOnce() throws Exception {
        try (Homeserver hs = start()) {
            HomeserverClient as = HomeserverClient.create(hs.baseUrl(), "pipe-as-token");
            RoomId room = as.createRoom(CreateRoomRequest.named("ordered"));
            List<EventId> sent = sendMany(as, room, 30);
            List<ClientEvent> got = fake.eventsUntil(e -> e.eventId().equals(sent.get(29)), WAIT);
            List<EventId> messages = got.stream().filter(e -> e.type().equals("m.room.message"))
                    .map(ClientEvent::eventId).toList();
            assertEquals(sent, messages);
        }
    }

    @Test
    void push_serviceFails_retriedWithSameTxnIdAndEventsThenUp() throws Exception {
        try (Homeserver hs = start()) {
            HomeserverClient as = HomeserverClient.create(hs.baseUrl(), "pipe-as-token");
            fake.failNext.set(3);
            RoomId room = as.createRoom(CreateRoomRequest.named("retry"));
            FakeAppService.Attempt first = fake.next(WAIT);
            assertTrue(first.failed());
            for (int i = 0; i < 3; i++) {
                FakeAppService.Attempt again = fake.next(WAIT);
                assertEquals(first.txnId(), again.txnId());
                assertEquals(first.transaction(), again.transaction());
                assertEquals(i < 2, again.failed());
            }
            as.sendText(room, "after");
            FakeAppService.Attempt next = fake.next(WAIT);
            assertEquals(Long.parseLong(first.txnId()) + 1, Long.parseLong(next.txnId()));
            // The sender marks a delivery before it builds the next transaction, so the status is settled now.
            AppServiceStatus status = hs.appServiceStatuses().get("bridge");
            assertTrue(status.up(), status.toString());
            assertEquals(0, status.consecutiveFailures());
        }
    }

    @Test
    void push_serviceDown_statusDownWithGrowingBackoff() throws Exception {
        try (Homeserver hs = start()) {
            fake.failNext.set(100);
            HomeserverClient.create(hs.baseUrl(), "pipe-as-token").createRoom(CreateRoomRequest.named("down"));
            fake.next(WAIT);
            fake.next(WAIT);
            fake.next(WAIT);
            AppServiceStatus status = hs.appServiceStatuses().get("bridge");
            assertFalse(status.up());
            assertTrue(status.consecutiveFailures() >= 2);
            assertTrue(status.retryDelay().toMillis() >= 100, status.toString());
        }
    }

    @Test
    void restart_pendingTransaction_resentWithSameTxnIdAndBytesNothingSkipped() throws Exception {
        FakeAppService.Attempt failed;
        EventId last;
        try (Homeserver hs = start()) {
            HomeserverClient as = HomeserverClient.create(hs.baseUrl(), "pipe-as-token");
            fake.failNext.set(1_000);
            RoomId room = as.createRoom(CreateRoomRequest.named("durable"));
            failed = fake.next(WAIT);
            last = sendMany(as, room, 5).get(4);
        }
        fake.failNext.set(0);
        fake.attempts.clear();
        try (Homeserver hs = start()) {
            FakeAppService.Attempt resent = fake.next(WAIT);
            while (resent.txnId().compareTo(failed.txnId()) != 0 && resent.failed()) {
                resent = fake.next(WAIT);
            }
            assertEquals(failed.txnId(), resent.txnId());
            assertEquals(failed.transaction(), resent.transaction());
            EventId expectedLast = last;
            List<ClientEvent> rest = fake.eventsUntil(e -> e.eventId().equals(expectedLast), WAIT);
            assertEquals(5, rest.stream().filter(e -> e.type().equals("m.room.message")).count());
            // The same homeserver keeps users and rooms across the restart.
            HomeserverClient as = HomeserverClient.create(hs.baseUrl(), "pipe-as-token");
            assertEquals(UserId.parse("@bridgebot:localhost"), as.whoami());
            assertEquals(1, as.joinedRooms().size());
        }
    }

    @Test
    void interest_humanRoomWithNamespaceMember_delivered() throws Exception {
        try (Homeserver hs = start()) {
            HomeserverClient as = HomeserverClient.create(hs.baseUrl(), "pipe-as-token");
            var alice = HomeserverClient.anonymous(hs.baseUrl()).registerUser("alice", "password1");
            HomeserverClient human = HomeserverClient.create(hs.baseUrl(), alice.accessToken());
            RoomId unrelated = human.createRoom(CreateRoomRequest.named("private"));
            human.sendText(unrelated, "not for the bridge");
            RoomId room = human.createRoom(CreateRoomRequest.named("public").withPreset("public_chat"));
            UserId bob = as.registerAppServiceUser("br_bob");
            as.as(bob).join(room.toString());
            EventId hi = human.sendText(room, "hi bob");
            List<ClientEvent> got = fake.eventsUntil(e -> e.eventId().equals(hi), WAIT);
            assertTrue(got.stream().noneMatch(e -> e.roomId().equals(unrelated)));
        }
    }
}
