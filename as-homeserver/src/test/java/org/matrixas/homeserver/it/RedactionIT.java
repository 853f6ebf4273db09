package org.matrixas.homeserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.Session;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;

/**
 * {@code PUT /rooms/{roomId}/redact/{eventId}/{txnId}}: who may redact what, the redaction algorithm per event
 * type, every read returning the pruned event with {@code unsigned.redacted_because}, transaction IDs, the
 * redaction reaching an application service, and the errors.
 */
class RedactionIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @TempDir
    Path dir;
    private Homeserver hs;
    private Session aliceSession;
    private HomeserverClient alice;
    private Session bobSession;
    private HomeserverClient bob;

    @BeforeEach
    void start() {
        hs = TestServers.start(dir);
        aliceSession = HomeserverClient.anonymous(hs.baseUrl()).registerUser("alice", "password1");
        alice = HomeserverClient.create(hs.baseUrl(), aliceSession.accessToken());
        bobSession = HomeserverClient.anonymous(hs.baseUrl()).registerUser("bob", "password1");
        bob = HomeserverClient.create(hs.baseUrl(), bobSession.accessToken());
    }

    @AfterEach
    void stop() {
        hs.close();
    }

    private String url(RoomId room, String tail) {
        return hs.baseUrl() + "/_matrix/client/v3/rooms/" + room + tail;
    }

    private RoomId publicRoom() {
        RoomId room = alice.createRoom(CreateRoomRequest.named("r").withPreset("public_chat"));
        bob.join(room.toString());
        return room;
    }

    private static void assertRedactedBy(EventId redaction, JsonNode event) {
        assertEquals(redaction.toString(), event.path("unsigned").path("redacted_because").path("event_id").asText(),
                event.toString());
    }

    @Test
    void redact_ownMessage_prunedInEventSyncAndMessagesWithRedactedBecause() throws Exception {
        RoomId room = publicRoom();
        EventId msg = bob.send(room, "m.room.message", Json.object().put("msgtype", "m.text").put("body", "secret"),
                null);
        EventId redaction = bob.redact(room, msg, "oops");

        ClientEvent read = bob.event(room, msg);
        assertEquals(Json.object(), read.content());
        assertEquals("m.room.message", read.type());
        assertEquals(bobSession.userId(), read.sender());
        assertRedactedBy(redaction, read.toJson());
        JsonNode because = read.unsigned().get("redacted_because");
        assertEquals("oops", because.path("content").path("reason").asText());

        ClientEvent r = alice.event(room, redaction);
        assertEquals("m.room.redaction", r.type());
        assertEquals(msg.toString(), r.content().path("redacts").asText(), "v11 clients read content.redacts");
        assertEquals(msg.toString(), r.extra().get("redacts").asText(), "older clients read the top-level redacts");
        assertEquals("oops", r.contentString("reason").orElseThrow());

        JsonNode sync = TestServers.call("GET", hs.baseUrl() + "/_matrix/client/v3/sync", aliceSession.accessToken(),
                (String) null).json();
        JsonNode timeline = sync.path("rooms").path("join").path(room.toString()).path("timeline").path("events");
        assertRedactedBy(redaction, find(timeline, msg));
        assertEquals(0, find(timeline, msg).path("content").size());
        assertEquals("m.room.redaction", find(timeline, redaction).path("type").asText());

        TestServers.Answer page = TestServers.call("GET", url(room, "/messages?dir=b&limit=5"),
                aliceSession.accessToken(), (String) null);
        assertEquals(200, page.status(), page.body());
        JsonNode chunk = page.json().path("chunk");
        assertEquals(redaction.toString(), chunk.get(0).path("event_id").asText(), "newest first");
        assertRedactedBy(redaction, find(chunk, msg));
        assertEquals(0, find(chunk, msg).path("content").size());
    }

    private static JsonNode find(JsonNode events, EventId id) {
        for (JsonNode e : events) {
            if (id.toString().equals(e.path("event_id").asText())) {
                return e;
            }
        }
        throw new AssertionError(id + " not in " + events);
    }

    @Test
    void redact_othersEvent_needsRedactLevel_ownNeedsRedactionEventLevel() throws Exception {
        RoomId room = publicRoom();
        EventId alices = alice.sendText(room, "by alice");
        EventId bobs = bob.sendText(room, "by bob");

        TestServers.Answer refused = TestServers.call("PUT", url(room, "/redact/" + alices + "/t1"),
                bobSession.accessToken(), "{}");
        assertEquals(403, refused.status(), refused.body());
        assertEquals("M_FORBIDDEN", refused.errcode());
        assertEquals("by alice", alice.event(room, alices).contentString("body").orElseThrow(), "not pruned");

        bob.redact(room, bobs, null);
        EventId bobs2 = bob.sendText(room, "again by bob");
        EventId byModerator = alice.redact(room, bobs2, "moderated");
        assertRedactedBy(byModerator, bob.event(room, bobs2).toJson());

        ObjectNode pl = alice.state(room, "m.room.power_levels", "").orElseThrow();
        ((ObjectNode) pl.get("events")).put("m.room.redaction", 50);
        alice.sendState(room, "m.room.power_levels", "", pl, null);
        EventId bobs3 = bob.sendText(room, "bob cannot take this back");
        TestServers.Answer own = TestServers.call("PUT", url(room, "/redact/" + bobs3 + "/t2"),
                bobSession.accessToken(), "{}");
        assertEquals(403, own.status(), own.body());
        assertEquals("M_FORBIDDEN", own.errcode());
    }

    @Test
    void redact_stateEvents_keepOnlyTheKeysTheAlgorithmKeeps_currentStatePruned() throws Exception {
        alice.setDisplayName(aliceSession.userId(), "Alice");
        RoomId room = publicRoom();
        ObjectNode rules = Json.object().put("join_rule", "public").put("note", "dropped");
        rules.putArray("allow");
        alice.sendState(room, "m.room.join_rules", "", rules, null);
        alice.sendState(room, "m.room.topic", "", Json.object().put("topic", "gone"), null);

        for (String type : List.of("m.room.member", "m.room.power_levels", "m.room.join_rules", "m.room.topic",
                "m.room.history_visibility")) {
            String key = type.equals("m.room.member") ? aliceSession.userId().toString() : "";
            alice.redact(room, stateEventId(room, type, key), null);
        }
        assertEquals(Set.of("membership"), keys(alice.state(room, "m.room.member", "@alice:localhost")));
        assertEquals("join", alice.state(room, "m.room.member", "@alice:localhost").orElseThrow()
                .path("membership").asText());
        assertEquals(Set.of("ban", "events", "events_default", "kick", "redact", "state_default", "users",
                "users_default"), keys(alice.state(room, "m.room.power_levels", "")), "invite and notifications go");
        assertEquals(Set.of("join_rule", "allow"), keys(alice.state(room, "m.room.join_rules", "")));
        assertEquals(Set.of(), keys(alice.state(room, "m.room.topic", "")));
        assertEquals(Set.of("history_visibility"), keys(alice.state(room, "m.room.history_visibility", "")));

        // The pruned state still rules the room: alice is joined with power 100, the room is still public.
        alice.sendText(room, "still here");
        HomeserverClient carol = HomeserverClient.create(hs.baseUrl(),
                HomeserverClient.anonymous(hs.baseUrl()).registerUser("carol", "password1").accessToken());
        carol.join(room.toString());
        JsonNode state = TestServers.call("GET", url(room, "/state"), aliceSession.accessToken(), (String) null).json();
        for (JsonNode e : state) {
            if (e.path("type").asText().equals("m.room.topic")) {
                assertTrue(e.path("unsigned").has("redacted_because"), e.toString());
            }
        }
    }

    private EventId stateEventId(RoomId room, String type, String key) throws Exception {
        JsonNode state = TestServers.call("GET", url(room, "/state"), aliceSession.accessToken(), (String) null).json();
        for (JsonNode e : state) {
            if (e.path("type").asText().equals(type) && e.path("state_key").asText().equals(key)) {
                return EventId.parse(e.path("event_id").asText());
            }
        }
        throw new AssertionError("no " + type + " in " + state);
    }

    private static Set<String> keys(Optional<ObjectNode> content) {
        Set<String> out = new HashSet<>();
        content.orElseThrow().fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void redact_sameTxnIdAgain_sameRedaction_redactingTwiceIsFine() throws Exception {
        RoomId room = publicRoom();
        EventId msg = bob.sendText(room, "twice");
        TestServers.Answer first = TestServers.call("PUT", url(room, "/redact/" + msg + "/same"),
                bobSession.accessToken(), "{\"reason\":\"one\"}");
        TestServers.Answer retry = TestServers.call("PUT", url(room, "/redact/" + msg + "/same"),
                bobSession.accessToken(), "{\"reason\":\"one\"}");
        assertEquals(200, first.status(), first.body());
        assertEquals(first.json().path("event_id"), retry.json().path("event_id"));
        TestServers.Answer sentSameTxn = TestServers.call("PUT", url(room, "/send/m.room.message/same"),
                bobSession.accessToken(), "{\"msgtype\":\"m.text\",\"body\":\"other endpoint\"}");
        assertNotEquals(first.json().path("event_id"), sentSameTxn.json().path("event_id"),
                "send and redact keep their transaction IDs apart");

        EventId again = bob.redact(room, msg, "two");
        assertNotEquals(first.json().path("event_id").asText(), again.toString());
        ClientEvent read = alice.event(room, msg);
        assertEquals(first.json().path("event_id").asText(),
                read.unsigned().path("redacted_because").path("event_id").asText(), "the first redaction stays");
        assertEquals(Json.object(), read.content());
    }

    @Test
    void redact_errors_unknownRoomNotJoinedUnknownEventOtherRoomBadBody() throws Exception {
        RoomId room = publicRoom();
        RoomId other = alice.createRoom(CreateRoomRequest.named("other"));
        EventId elsewhere = alice.sendText(other, "elsewhere");
        EventId msg = alice.sendText(room, "here");
        String token = aliceSession.accessToken();
        String unknownRoom = hs.baseUrl() + "/_matrix/client/v3/rooms/!nope:localhost/redact/" + msg + "/e1";
        expect(404, "M_NOT_FOUND", TestServers.call("PUT", unknownRoom, token, "{}"));
        expect(403, "M_FORBIDDEN", TestServers.call("PUT", url(other, "/redact/" + elsewhere + "/e2"),
                bobSession.accessToken(), "{}"));
        expect(404, "M_NOT_FOUND", TestServers.call("PUT", url(room, "/redact/$nosuchevent/e3"), token, "{}"));
        expect(404, "M_NOT_FOUND", TestServers.call("PUT", url(room, "/redact/" + elsewhere + "/e4"), token, "{}"));
        expect(400, "M_INVALID_PARAM", TestServers.call("PUT", url(room, "/redact/not-an-event-id/e5"), token, "{}"));
        expect(400, "M_NOT_JSON", TestServers.call("PUT", url(room, "/redact/" + msg + "/e6"), token, "{not json"));
        expect(400, "M_BAD_JSON", TestServers.call("PUT", url(room, "/redact/" + msg + "/e7"), token, "[1]"));
        expect(400, "M_BAD_JSON", TestServers.call("PUT", url(room, "/redact/" + msg + "/e8"), token,
                "{\"reason\":5}"));
        expect(404, "M_NOT_FOUND", TestServers.call("GET", url(room, "/event/" + elsewhere), token, (String) null));
        assertEquals("elsewhere", alice.event(other, elsewhere).contentString("body").orElseThrow());
        assertEquals("here", alice.event(room, msg).contentString("body").orElseThrow(), "nothing was redacted");
        expect(200, "", TestServers.call("PUT", url(room, "/redact/" + msg + "/e9"), token, ""));
    }

    private static void expect(int status, String errcode, TestServers.Answer a) {
        assertEquals(status, a.status(), a.body());
        if (!errcode.isEmpty()) {
            assertEquals(errcode, a.errcode(), a.body());
        }
    }

    @Test
    void redact_byApplicationServiceAsBotAndAsItsUser_redactionsPushedInTransactions() throws Exception {
        try (FakeAppService fake = new FakeAppService().hsToken("svc-hs")) {
            hs.registerAppService(Registration.builder().id("svc").url(fake.url()).asToken("svc-as")
                    .hsToken("svc-hs").senderLocalpart("svcbot")
                    .namespaces(new Namespaces(List.of(Namespace.exclusive("@svc_.*:localhost")), List.of(),
                            List.of())).build());
            HomeserverClient service = HomeserverClient.create(hs.baseUrl(), "svc-as");
            UserId puppet = service.registerAppServiceUser("svc_puppet");
            RoomId room = publicRoom();
            service.join(room.toString());
            service.as(puppet).join(room.toString());
            EventId puppets = service.as(puppet).sendText(room, "from the puppet");
            EventId byPuppet = service.as(puppet).redact(room, puppets, null);
            assertEquals(puppet, alice.event(room, byPuppet).sender(), "user_id masquerading");

            ObjectNode pl = alice.state(room, "m.room.power_levels", "").orElseThrow();
            ((ObjectNode) pl.get("users")).put("@svcbot:localhost", 50);
            alice.sendState(room, "m.room.power_levels", "", pl, null);
            EventId bobs = bob.sendText(room, "password: hunter2");
            EventId byBot = service.redact(room, bobs, "contains a password");

            List<ClientEvent> pushed = fake.eventsUntil(e -> e.eventId().equals(byBot), WAIT);
            ClientEvent redaction = pushed.stream().filter(e -> e.eventId().equals(byBot)).findFirst().orElseThrow();
            assertEquals("m.room.redaction", redaction.type());
            assertEquals(bobs.toString(), redaction.extra().get("redacts").asText());
            assertEquals(bobs.toString(), redaction.contentString("redacts").orElseThrow());
            assertTrue(pushed.stream().anyMatch(e -> e.eventId().equals(byPuppet)));
            assertEquals(Json.object(), bob.event(room, bobs).content());
        }
    }
}
