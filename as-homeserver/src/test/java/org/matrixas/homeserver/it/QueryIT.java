package org.matrixas.homeserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.homeserver.config.AppServiceConfig;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.Session;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.RegisterRequest;

/** Blocking user and alias queries, with the service calling back into the homeserver while it waits. */
class QueryIT {
    @TempDir
    Path dir;
    private Homeserver hs;
    private FakeAppService fake;
    private HomeserverClient as;
    private HomeserverClient alice;

    @BeforeEach
    void start() {
        hs = Homeserver.start(TestServers.config(dir).appservice(AppServiceConfig.DEFAULT
                .withQuery(Duration.ofMillis(1500), 2).withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)))
                .build());
        fake = new FakeAppService();
        Namespaces ns = new Namespaces(List.of(Namespace.exclusive("@irc_.*:localhost")),
                List.of(Namespace.exclusive("#irc_.*:localhost")), List.of());
        fake.hsToken(HomeserverClient.anonymous(hs.baseUrl())
                .registerAppService(new RegisterRequest(fake.url(), TestServers.PREAUTH_TOKEN, ns)).hsToken());
        as = HomeserverClient.create(hs.baseUrl(), TestServers.PREAUTH_TOKEN);
        Session s = HomeserverClient.anonymous(hs.baseUrl()).registerUser("alice", "password1");
        alice = HomeserverClient.create(hs.baseUrl(), s.accessToken());
    }

    @AfterEach
    void stop() {
        hs.close();
        fake.close();
    }

    @Test
    void join_unknownAliasInNamespace_serviceCreatesRoomDuringQueryAndJoinCompletes() {
        UserId bob = UserId.parse("@irc_bob:localhost");
        fake.onUser = u -> {
            as.registerAppServiceUser(u.localpart());
            as.as(u).setDisplayName(u, "Bob");
            return true;
        };
        fake.onAlias = alias -> {
            RoomId room = as.createRoom(CreateRoomRequest.named("#matrix").withPreset("public_chat")
                    .withAliasName(alias.localpart()));
            as.as(bob).join(room.toString());
            as.as(bob).send(room, "m.room.message", Json.object().put("msgtype", "m.text").put("body", "hello?"),
                    1_000L);
            return true;
        };
        RoomId joined = alice.join("#irc_matrix:localhost");
        var timeline = alice.sync(null, Duration.ZERO).joined().get(joined).timeline();
        var hello = timeline.stream().filter(e -> e.contentString("body").orElse("").equals("hello?")).findFirst()
                .orElseThrow();
        assertEquals(bob, hello.sender());
        assertEquals(1_000L, hello.originServerTs());
        assertEquals("Bob", alice.displayName(bob).orElseThrow());
    }

    @Test
    void resolveAlias_serviceAnswers200WithoutCreating_notFound() {
        fake.onAlias = alias -> true;
        MatrixException e = assertThrows(MatrixException.class, () -> alice.join("#irc_ghost:localhost"));
        assertEquals(404, e.httpStatus());
        assertEquals("M_NOT_FOUND", e.errcode());
        assertTrue(alice.resolveAlias(RoomAlias.parse("#irc_ghost:localhost")).isEmpty());
    }

    @Test
    void profile_unknownUserInNamespace_userQueryCreatesIt() {
        fake.onUser = u -> {
            as.registerAppServiceUser(u.localpart());
            as.as(u).setDisplayName(u, "Carol");
            return true;
        };
        assertEquals("Carol", alice.displayName(UserId.parse("@irc_carol:localhost")).orElseThrow());
        fake.onUser = u -> false;
        MatrixException e = assertThrows(MatrixException.class,
                () -> alice.displayName(UserId.parse("@irc_nobody:localhost")));
        assertEquals(404, e.httpStatus());
    }

    @Test
    void invite_unknownUserInNamespace_queriedThenInvited() {
        fake.onUser = u -> {
            as.registerAppServiceUser(u.localpart());
            return true;
        };
        RoomId room = alice.createRoom(CreateRoomRequest.named("private"));
        alice.invite(room, UserId.parse("@irc_dave:localhost"));
        assertTrue(as.as(UserId.parse("@irc_dave:localhost")).sync(null, Duration.ZERO).invited().containsKey(room));
    }

    @Test
    void query_serviceTooSlow_408() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        fake.onAlias = alias -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        };
        try {
            MatrixException e = assertThrows(MatrixException.class, () -> alice.join("#irc_slow:localhost"));
            assertEquals(408, e.httpStatus());
        } finally {
            release.countDown();
        }
    }

    @Test
    void query_concurrentSameAlias_oneCallToService() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch bothWaiting = new CountDownLatch(1);
        fake.onAlias = alias -> {
            calls.incrementAndGet();
            try {
                bothWaiting.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            as.createRoom(CreateRoomRequest.named("shared").withPreset("public_chat").withAliasName(alias.localpart()));
            return true;
        };
        CompletableFuture<RoomId> first = CompletableFuture.supplyAsync(() -> alice.join("#irc_shared:localhost"));
        CompletableFuture<java.util.Optional<RoomId>> second = CompletableFuture.supplyAsync(
                () -> alice.resolveAlias(RoomAlias.parse("#irc_shared:localhost")));
        // Let the service finish only once both requests are surely in flight: the first already called it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (calls.get() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        bothWaiting.countDown();
        assertEquals(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS).orElseThrow());
        assertTrue(calls.get() <= 2, "calls: " + calls.get());
    }

    @Test
    void ping_ownId_durationReturned() {
        long ms = as.pingAppService(hs.appServiceStatuses().keySet().iterator().next(), "t1");
        assertTrue(ms >= 0);
        MatrixException e = assertThrows(MatrixException.class, () -> as.pingAppService("someone-else", null));
        assertEquals(403, e.httpStatus());
    }
}
