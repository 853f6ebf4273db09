package org.matrixas.homeserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.SyncResponse;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomId;

class SyncIT {
    @TempDir
    Path dir;

    @Test
    void sync_initialThenIncrementalThenLongPoll_seesEverything() throws Exception {
        try (Homeserver hs = TestServers.start(dir)) {
            var a = HomeserverClient.anonymous(hs.baseUrl()).registerUser("alice", "password1");
            var b = HomeserverClient.anonymous(hs.baseUrl()).registerUser("bob", "password1");
            HomeserverClient alice = HomeserverClient.create(hs.baseUrl(), a.accessToken());
            HomeserverClient bob = HomeserverClient.create(hs.baseUrl(), b.accessToken());
            RoomId room = alice.createRoom(CreateRoomRequest.named("chat").withTopic("t"));
            alice.sendText(room, "one");

            SyncResponse initial = alice.sync(null, Duration.ZERO);
            SyncResponse.JoinedRoom r = initial.joined().get(room);
            assertTrue(r.state().stream().anyMatch(e -> e.type().equals("m.room.member")
                    && "@alice:localhost".equals(e.stateKey())), "own membership in state");
            assertTrue(r.state().stream().anyMatch(e -> e.type().equals("m.room.topic")));
            assertEquals("one", r.timeline().get(r.timeline().size() - 1).contentString("body").orElseThrow());

            alice.invite(room, b.userId());
            SyncResponse bobs = bob.sync(null, Duration.ZERO);
            assertTrue(bobs.invited().containsKey(room));
            bob.join(room.toString());

            EventId two = alice.sendText(room, "two");
            SyncResponse inc = alice.sync(initial.nextBatch(), Duration.ZERO);
            var events = inc.joined().get(room).timeline().stream().map(ClientEvent::eventId).toList();
            assertTrue(events.contains(two));
            assertTrue(inc.joined().get(room).timeline().stream().noneMatch(e -> e.contentString("body")
                    .orElse("").equals("one")), "incremental sync must not repeat old events");

            CompletableFuture<SyncResponse> waiting = CompletableFuture.supplyAsync(
                    () -> alice.sync(inc.nextBatch(), Duration.ofSeconds(20)));
            EventId three = bob.sendText(room, "three");
            SyncResponse woke = waiting.get(15, TimeUnit.SECONDS);
            assertTrue(woke.joined().get(room).timeline().stream().anyMatch(e -> e.eventId().equals(three)));
        }
    }

    @Test
    void sync_nothingNew_returnsAfterTimeoutWithSameToken() {
        try (Homeserver hs = TestServers.start(dir)) {
            var a = HomeserverClient.anonymous(hs.baseUrl()).registerUser("alice", "password1");
            HomeserverClient alice = HomeserverClient.create(hs.baseUrl(), a.accessToken());
            alice.createRoom(CreateRoomRequest.named("quiet"));
            SyncResponse initial = alice.sync(null, Duration.ZERO);
            SyncResponse empty = alice.sync(initial.nextBatch(), Duration.ofMillis(200));
            assertTrue(empty.joined().isEmpty());
            assertEquals(initial.nextBatch(), empty.nextBatch());
        }
    }

    @Test
    void sync_storedOrInlineFilterAndUnknownParameters_timelineLimitHonouredRestIgnored() throws Exception {
        try (Homeserver hs = TestServers.start(dir)) {
            var a = HomeserverClient.anonymous(hs.baseUrl()).registerUser("alice", "password1");
            HomeserverClient alice = HomeserverClient.create(hs.baseUrl(), a.accessToken());
            RoomId room = alice.createRoom(CreateRoomRequest.named("busy"));
            for (int i = 0; i < 5; i++) {
                alice.sendText(room, "m" + i);
            }
            String v3 = hs.baseUrl() + "/_matrix/client/v3";
            TestServers.Answer created = TestServers.call("POST", v3 + "/user/%40alice%3Alocalhost/filter",
                    a.accessToken(), "{\"room\":{\"timeline\":{\"limit\":2}},\"presence\":{\"not_types\":[\"*\"]}}");
            assertEquals(200, created.status(), created.body());
            String id = created.json().path("filter_id").asText();
            assertEquals(2, TestServers.call("GET", v3 + "/user/%40alice%3Alocalhost/filter/" + id, a.accessToken(),
                    (String) null).json().path("room").path("timeline").path("limit").asInt());
            for (String filter : new String[] {id, "%7B%22room%22%3A%7B%22timeline%22%3A%7B%22limit%22%3A2%7D%7D%7D"}) {
                TestServers.Answer sync = TestServers.call("GET", v3 + "/sync?filter=" + filter
                        + "&set_presence=online&full_state=false&no_such_parameter=1", a.accessToken(), (String) null);
                assertEquals(200, sync.status(), sync.body());
                var timeline = sync.json().path("rooms").path("join").path(room.toString()).path("timeline");
                assertEquals(2, timeline.path("events").size(), sync.body());
                assertTrue(timeline.path("limited").asBoolean());
            }
        }
    }
}
