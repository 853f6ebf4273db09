package org.matrixas.homeserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.Session;
import org.matrixas.protocol.id.RoomId;

/** {@code GET /rooms/{roomId}/messages}: paging both ways with the tokens /sync hands out, and its errors. */
class MessagesIT {
    @TempDir
    Path dir;

    @Test
    void messages_backwardsFromSyncPrevBatchThenForwards_everyEventOnceInOrder() throws Exception {
        try (Homeserver hs = TestServers.start(dir)) {
            Session a = HomeserverClient.anonymous(hs.baseUrl()).registerUser("alice", "password1");
            HomeserverClient alice = HomeserverClient.create(hs.baseUrl(), a.accessToken());
            RoomId room = alice.createRoom(CreateRoomRequest.named("paged"));
            for (int i = 0; i < 5; i++) {
                alice.sendText(room, "m" + i);
            }
            String base = hs.baseUrl() + "/_matrix/client/v3/rooms/" + room + "/messages";

            List<String> backwards = new ArrayList<>();
            String from = null;
            int pages = 0;
            do {
                TestServers.Answer page = TestServers.call("GET", base + "?dir=b&limit=2"
                        + (from == null ? "" : "&from=" + from), a.accessToken(), (String) null);
                assertEquals(200, page.status(), page.body());
                bodies(page.json().path("chunk"), backwards);
                from = page.json().path("end").isTextual() ? page.json().path("end").asText() : null;
                pages++;
            } while (from != null && pages < 20);
            assertEquals(List.of("m4", "m3", "m2", "m1", "m0"), backwards);

            TestServers.Answer forward = TestServers.call("GET", base + "?dir=f&limit=100", a.accessToken(),
                    (String) null);
            List<String> forwards = new ArrayList<>();
            bodies(forward.json().path("chunk"), forwards);
            assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), forwards);
            assertFalse(forward.json().has("end"), "the last page has no end");
            assertEquals("m.room.create", forward.json().path("chunk").get(0).path("type").asText());
        }
    }

    private static void bodies(JsonNode chunk, List<String> out) {
        for (JsonNode e : chunk) {
            if (e.path("type").asText().equals("m.room.message")) {
                out.add(e.path("content").path("body").asText());
            }
        }
    }

    @Test
    void messages_badParametersOrNotAMember_clearErrors() throws Exception {
        try (Homeserver hs = TestServers.start(dir)) {
            Session a = HomeserverClient.anonymous(hs.baseUrl()).registerUser("alice", "password1");
            Session b = HomeserverClient.anonymous(hs.baseUrl()).registerUser("bob", "password1");
            RoomId room = HomeserverClient.create(hs.baseUrl(), a.accessToken()).createRoom(CreateRoomRequest.named("x"));
            String base = hs.baseUrl() + "/_matrix/client/v3/rooms/" + room + "/messages";
            expect(400, "M_MISSING_PARAM", TestServers.call("GET", base, a.accessToken(), (String) null));
            expect(400, "M_INVALID_PARAM", TestServers.call("GET", base + "?dir=up", a.accessToken(), (String) null));
            expect(400, "M_INVALID_PARAM", TestServers.call("GET", base + "?dir=b&from=x1", a.accessToken(),
                    (String) null));
            expect(400, "M_INVALID_PARAM", TestServers.call("GET", base + "?dir=b&limit=-1", a.accessToken(),
                    (String) null));
            expect(403, "M_FORBIDDEN", TestServers.call("GET", base + "?dir=b", b.accessToken(), (String) null));
            expect(404, "M_NOT_FOUND", TestServers.call("GET", hs.baseUrl()
                    + "/_matrix/client/v3/rooms/!nope:localhost/messages?dir=b", a.accessToken(), (String) null));
        }
    }

    private static void expect(int status, String errcode, TestServers.Answer a) {
        assertEquals(status, a.status(), a.body());
        assertEquals(errcode, a.errcode(), a.body());
    }
}
