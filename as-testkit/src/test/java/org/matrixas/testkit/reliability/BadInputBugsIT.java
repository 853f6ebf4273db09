package org.matrixas.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.Session;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestBridge;
import org.matrixas.testkit.TestHomeserver;

/**
 * The bad-input bugs HttpFuzzIT found, pinned as exact requests so they stay fixed (RELIABILITY.md lists them).
 */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeRegistersViaApi = false)
class BadInputBugsIT {
    private static final List<String> BAD_ESCAPES = List.of("%", "%zz", "%2", "%g1", "abc%", "%%");

    @Test
    void homeserver_invalidPercentEscape_matrixErrorInvalidParam(TestHomeserver hs) {
        Session alice = HomeserverClient.anonymous(hs.baseUrl()).registerUser("esc", "esc-password");
        List<String> failures = new ArrayList<>();
        for (String bad : BAD_ESCAPES) {
            for (String path : List.of("/_matrix/client/v3/rooms/" + bad + "/send/m.room.message/t1",
                    "/_matrix/client/v3/profile/" + bad, "/_matrix/client/v3/directory/room/" + bad)) {
                Rel.Resp r = Rel.raw(hs.port(), path.contains("/send/") ? "PUT" : "GET", path, alice.accessToken(),
                        path.contains("/send/") ? "{}".getBytes() : null);
                if (!(r.status() == 400 && "M_INVALID_PARAM".equals(r.errcode()))) {
                    failures.add(path + " -> " + r);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void bridge_invalidPercentEscape_matrixErrorInvalidParam(TestBridge bridge) {
        String hsToken = bridge.config().appservice().hsToken();
        List<String> failures = new ArrayList<>();
        for (String bad : BAD_ESCAPES) {
            for (String path : List.of("/_matrix/app/v1/users/" + bad, "/_matrix/app/v1/rooms/" + bad, "/users/" + bad)) {
                Rel.Resp r = Rel.raw(bridge.asPort(), "GET", path, hsToken, null);
                if (!(r.status() == 400 && "M_INVALID_PARAM".equals(r.errcode()))) {
                    failures.add(path + " -> " + r);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void trailingGarbageAfterJson_notJson(TestHomeserver hs, TestBridge bridge) {
        HomeserverClient anon = HomeserverClient.anonymous(hs.baseUrl());
        Session alice = anon.registerUser("trail", "trail-password");
        RoomId room = anon.withToken(alice.accessToken()).createRoom(CreateRoomRequest.named("trail"));
        List<String> failures = new ArrayList<>();
        for (String body : List.of("{\"name\":\"x\"}}", "{} xyz", "{}{}", "{\"a\":1} [")) {
            Rel.Resp r = Rel.send("POST", hs.baseUrl() + "/_matrix/client/v3/createRoom", alice.accessToken(), body);
            if (!(r.status() == 400 && "M_NOT_JSON".equals(r.errcode()))) {
                failures.add("homeserver createRoom " + body + " -> " + r);
            }
            Rel.Resp s = Rel.send("PUT", hs.baseUrl() + "/_matrix/client/v3/rooms/" + Rel.enc(room.toString())
                    + "/send/m.room.message/tg" + body.length() + body.hashCode(), alice.accessToken(), body);
            if (!(s.status() == 400 && "M_NOT_JSON".equals(s.errcode()))) {
                failures.add("homeserver send " + body + " -> " + s);
            }
            Rel.Resp t = Rel.send("PUT", "http://127.0.0.1:" + bridge.asPort() + "/_matrix/app/v1/transactions/tg"
                    + body.hashCode(), bridge.config().appservice().hsToken(), body);
            if (!(t.status() == 400 && "M_NOT_JSON".equals(t.errcode()))) {
                failures.add("bridge transaction " + body + " -> " + t);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void bridge_repeatedAliasQuery_idempotent200(TestBridge bridge) {
        String hsToken = bridge.config().appservice().hsToken();
        String alias = Rel.enc("#irc.example.org/#again:localhost");
        Rel.Resp first = Rel.send("GET", "http://127.0.0.1:" + bridge.asPort() + "/_matrix/app/v1/rooms/" + alias,
                hsToken, (byte[]) null);
        assertEquals(200, first.status(), first.toString());
        Rel.Resp second = Rel.send("GET", "http://127.0.0.1:" + bridge.asPort() + "/_matrix/app/v1/rooms/" + alias,
                hsToken, (byte[]) null);
        assertEquals(200, second.status(), second.toString());
    }
}
