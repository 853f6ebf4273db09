package org.matrixas.homeserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.id.RoomId;

/** Every failure is a Matrix error body with the right status. */
class ErrorsIT {
    @TempDir
    Path dir;
    private Homeserver hs;
    private String v3;
    private String token;

    @BeforeEach
    void start() {
        hs = Homeserver.start(TestServers.config(dir).maxBodyBytes(4096).build());
        v3 = hs.baseUrl() + "/_matrix/client/v3";
        token = HomeserverClient.anonymous(hs.baseUrl()).registerUser("alice", "password1").accessToken();
    }

    @AfterEach
    void stop() {
        hs.close();
    }

    private void expect(int status, String errcode, TestServers.Answer a) {
        assertEquals(status, a.status(), a.body());
        assertEquals(errcode, a.errcode(), a.body());
    }

    @Test
    void auth_missingOrUnknownToken_401() throws Exception {
        expect(401, "M_MISSING_TOKEN", TestServers.call("GET", v3 + "/account/whoami", null, (String) null));
        expect(401, "M_UNKNOWN_TOKEN", TestServers.call("GET", v3 + "/account/whoami", "nope", (String) null));
        TestServers.Answer viaQuery = TestServers.call("GET", v3 + "/account/whoami?access_token=" + token, null,
                (String) null);
        assertEquals(200, viaQuery.status());
    }

    @Test
    void body_badJsonOrTooLarge_matrixErrors() throws Exception {
        expect(400, "M_NOT_JSON", TestServers.call("POST", v3 + "/createRoom", token, "{not json"));
        expect(400, "M_BAD_JSON", TestServers.call("POST", v3 + "/createRoom", token, "[1,2]"));
        expect(400, "M_BAD_JSON", TestServers.call("POST", v3 + "/createRoom", token, "{\"invite\":\"x\"}"));
        expect(413, "M_TOO_LARGE", TestServers.call("POST", v3 + "/createRoom", token, new byte[100_000]));
    }

    @Test
    void routing_unknownPathOrWrongMethod_unrecognized() throws Exception {
        expect(404, "M_UNRECOGNIZED", TestServers.call("GET", v3 + "/no/such/thing", token, (String) null));
        expect(405, "M_UNRECOGNIZED", TestServers.call("GET", v3 + "/createRoom", token, (String) null));
        expect(404, "M_UNRECOGNIZED", TestServers.call("POST", hs.baseUrl() + "/register", null, "{}"));
    }

    @Test
    void ids_invalid_400InvalidParam() throws Exception {
        expect(400, "M_INVALID_PARAM", TestServers.call("GET", v3 + "/rooms/not-a-room/state", token, (String) null));
        expect(400, "M_INVALID_PARAM", TestServers.call("GET", v3 + "/profile/bob/displayname", null, (String) null));
        expect(404, "M_NOT_FOUND", TestServers.call("POST", v3 + "/join/%21nope%3Alocalhost", token, "{}"));
    }

    @Test
    void state_emptyKeyWithTrailingSlash_readBack() throws Exception {
        RoomId room = HomeserverClient.create(hs.baseUrl(), token).createRoom(CreateRoomRequest.named("s"));
        String base = v3 + "/rooms/" + room.toString().replace("!", "%21").replace(":", "%3A") + "/state/m.room.topic";
        assertEquals(200, TestServers.call("PUT", base + "/", token, "{\"topic\":\"slash\"}").status());
        assertEquals("slash", TestServers.call("GET", base, token, (String) null).json().path("topic").asText());
        expect(403, "M_FORBIDDEN", TestServers.call("GET", base,
                HomeserverClient.anonymous(hs.baseUrl()).registerUser("eve", "password1").accessToken(),
                (String) null));
    }

    @Test
    void register_withoutAuth_401WithFlowsAndGuestRefused() throws Exception {
        TestServers.Answer a = TestServers.call("POST", v3 + "/register", null, "{\"username\":\"carol\",\"password\":\"pw123456\"}");
        assertEquals(401, a.status());
        assertTrue(a.json().path("session").isTextual());
        assertEquals("m.login.dummy", a.json().path("flows").get(0).path("stages").get(0).asText());
        expect(403, "M_GUEST_ACCESS_FORBIDDEN", TestServers.call("POST", v3 + "/register?kind=guest", null, "{}"));
        expect(400, "M_USER_IN_USE", TestServers.call("POST", v3 + "/register", null,
                "{\"username\":\"alice\",\"auth\":{\"type\":\"m.login.dummy\"}}"));
    }

    @Test
    void close_afterClose_nothingListens() {
        int port = hs.port();
        hs.close();
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close());
    }

    @Test
    void health_andVersions_ok() throws Exception {
        assertEquals(200, TestServers.call("GET", hs.baseUrl() + "/health", null, (String) null).status());
        TestServers.Answer v = TestServers.call("GET", hs.baseUrl() + "/_matrix/client/versions", null, (String) null);
        assertTrue(v.body().contains("v1.13"), v.body());
        var login = HomeserverClient.anonymous(hs.baseUrl()).login("alice", "password1");
        assertEquals("@alice:localhost", login.userId().toString());
        expect(403, "M_FORBIDDEN", TestServers.call("POST", v3 + "/login", null,
                "{\"type\":\"m.login.password\",\"user\":\"alice\",\"password\":\"wrong\"}"));
    }
}
