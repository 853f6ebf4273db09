package org.matrixas.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.appservice.AppService;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.Session;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.http.PercentCodec;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestAppService;
import org.matrixas.testkit.TestBridge;
import org.matrixas.testkit.TestHomeserver;

/**
 * Security matrix: every route of the homeserver and of the bridge's application service port, called with no
 * token, a wrong token (header and query), another service's token, a user's token, a logged-out token and the
 * hs_token; each must give the spec's status and errcode. Then namespaces: a service outside its own, a user
 * taking an exclusive ID or alias, {@code ts} from a non-service.
 */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeRegistersViaApi = false, channels = "#sec")
class SecurityMatrixIT {
    static final Namespaces NS_A = new Namespaces(List.of(Namespace.exclusive("@seca_.*:localhost")),
            List.of(Namespace.exclusive("#seca_.*:localhost")), List.of());
    static final Namespaces NS_B = new Namespaces(List.of(Namespace.exclusive("@secb_.*:localhost")),
            List.of(Namespace.exclusive("#secb_.*:localhost")), List.of());

    /** A route of the homeserver: method, path template, and what token it needs. */
    record Route(String method, String path, String auth) {
    }

    /** Every route in as-homeserver's router (ApiServer.routes), client ones under both v3 and r0. */
    static List<Route> homeserverRoutes() {
        List<Route> out = new ArrayList<>();
        out.add(new Route("GET", "/_matrix/client/versions", "NONE"));
        out.add(new Route("GET", "/health", "NONE"));
        out.add(new Route("POST", "/_matrix/appservice/v1/register", "NONE"));
        out.add(new Route("POST", "/_matrix/appservice/v1/unregister", "NONE"));
        out.add(new Route("POST", "/_matrix/client/v1/appservice/{appserviceId}/ping", "SERVICE"));
        out.add(new Route("GET", "/_matrix/app/v1/user", "USER"));
        out.add(new Route("GET", "/_matrix/app/v1/alias", "USER"));
        String[][] client = {
            {"GET", "/login", "NONE"}, {"POST", "/login", "NONE"}, {"POST", "/register", "NONE"},
            {"GET", "/account/whoami", "USER"},
            {"GET", "/profile/{userId}", "NONE"}, {"GET", "/profile/{userId}/displayname", "NONE"},
            {"GET", "/profile/{userId}/avatar_url", "NONE"}, {"PUT", "/profile/{userId}/displayname", "USER"},
            {"PUT", "/profile/{userId}/avatar_url", "USER"},
            {"GET", "/capabilities", "USER"}, {"GET", "/pushrules/", "USER"}, {"GET", "/pushrules", "USER"},
            {"PUT", "/directory/room/{alias}", "USER"}, {"GET", "/directory/room/{alias}", "NONE"},
            {"DELETE", "/directory/room/{alias}", "USER"},
            {"PUT", "/rooms/{roomId}/typing/{userId}", "USER"},
            {"POST", "/rooms/{roomId}/receipt/m.read/{eventId}", "USER"},
            {"POST", "/rooms/{roomId}/read_markers", "USER"},
            {"PUT", "/presence/{userId}/status", "USER"}, {"GET", "/presence/{userId}/status", "USER"},
            {"POST", "/createRoom", "USER"}, {"POST", "/join/{roomId}", "USER"}, {"POST", "/rooms/{roomId}/join", "USER"},
            {"POST", "/rooms/{roomId}/invite", "USER"}, {"POST", "/rooms/{roomId}/kick", "USER"},
            {"PUT", "/rooms/{roomId}/send/m.room.message/{txnId}", "USER"},
            {"PUT", "/rooms/{roomId}/redact/{eventId}/{txnId}", "USER"},
            {"GET", "/rooms/{roomId}/event/{eventId}", "USER"}, {"GET", "/rooms/{roomId}/messages?dir=b", "USER"},
            {"PUT", "/rooms/{roomId}/state/m.room.topic", "USER"},
            {"PUT", "/rooms/{roomId}/state/m.room.topic/", "USER"},
            {"GET", "/rooms/{roomId}/state/m.room.create", "USER"},
            {"GET", "/rooms/{roomId}/state/m.room.create/", "USER"}, {"GET", "/rooms/{roomId}/state", "USER"},
            {"GET", "/rooms/{roomId}/joined_members", "USER"}, {"GET", "/rooms/{roomId}/members", "USER"},
            {"GET", "/joined_rooms", "USER"}, {"GET", "/sync?timeout=0", "USER"},
            {"POST", "/user/{userId}/filter", "USER"}, {"GET", "/user/{userId}/filter/1", "USER"},
            {"GET", "/thirdparty/protocols", "USER"}, {"GET", "/thirdparty/protocol/irc", "USER"},
            {"GET", "/thirdparty/user/irc", "USER"}, {"GET", "/thirdparty/location/irc", "USER"},
            {"GET", "/thirdparty/user?userid=%40x%3Alocalhost", "USER"},
            {"GET", "/thirdparty/location?alias=%23x%3Alocalhost", "USER"},
            {"POST", "/rooms/{roomId}/leave", "USER"},
            {"POST", "/logout", "USER"}, {"POST", "/logout/all", "USER"},
        };
        for (String prefix : List.of("/_matrix/client/v3", "/_matrix/client/r0")) {
            for (String[] r : client) {
                out.add(new Route(r[0], prefix + r[1], r[2]));
            }
        }
        return out;
    }

    private static final class Quiet implements AppService {
        @Override
        public void onTransaction(String txnId, Transaction transaction) {
        }
    }

    @Test
    void everyRoute_everyKindOfToken_specStatusAndErrcode(TestHomeserver hs, TestBridge bridge) {
        TestAppService a = hs.startAppService("seca", NS_A, new Quiet());
        TestAppService b = hs.startAppService("secb", NS_B, new Quiet());
        HomeserverClient anon = HomeserverClient.anonymous(hs.baseUrl());
        Session alice = anon.registerUser("alice", "alice-password-1");
        RoomId room = anon.withToken(alice.accessToken()).createRoom(CreateRoomRequest.named("sec"));
        Session dead = anon.login("alice", "alice-password-1");
        anon.withToken(dead.accessToken()).post("/_matrix/client/v3/logout", org.matrixas.protocol.json.Json.object());
        // Deleted by /logout/all from another of the user's sessions.
        Session erin = anon.registerUser("erin", "erin-password-1");
        anon.withToken(anon.login("erin", "erin-password-1").accessToken()).post("/_matrix/client/v3/logout/all",
                org.matrixas.protocol.json.Json.object());

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("none", null);
        tokens.put("wrong", "syt_wrong_" + UUID.randomUUID());
        tokens.put("wrong-in-query", "syt_wrong_" + UUID.randomUUID());
        tokens.put("logged-out", dead.accessToken());
        tokens.put("logged-out-all", erin.accessToken());
        tokens.put("hs_token", a.registration().hsToken());
        tokens.put("other-AS", b.registration().asToken());
        tokens.put("user", alice.accessToken());
        tokens.put("own-AS", a.registration().asToken());

        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Route r : homeserverRoutes()) {
            for (Map.Entry<String, String> t : tokens.entrySet()) {
                String kind = t.getKey();
                String path = r.path().replace("{appserviceId}", "seca")
                        .replace("{roomId}", PercentCodec.encode(room.toString()))
                        .replace("{userId}", PercentCodec.encode(alice.userId().toString()))
                        .replace("{alias}", PercentCodec.encode("#secz_" + calls + ":localhost"))
                        .replace("{eventId}", PercentCodec.encode("$nothing"))
                        .replace("{txnId}", "sec" + calls);
                String token = t.getValue();
                if (r.path().endsWith("/logout") && kind.equals("user")) {
                    token = anon.login("alice", "alice-password-1").accessToken(); // keep alice's main token alive
                } else if (r.path().endsWith("/logout/all") && kind.equals("user")) {
                    token = anon.registerUser("lo" + calls, null).accessToken(); // all of alice's would go
                }
                Rel.Resp resp;
                if (kind.equals("wrong-in-query")) {
                    resp = Rel.send(r.method(), hs.baseUrl() + path + (path.contains("?") ? "&" : "?")
                            + "access_token=" + token, null, body(r));
                } else {
                    resp = Rel.send(r.method(), hs.baseUrl() + path, token, body(r));
                }
                calls++;
                String expected = expected(r, kind);
                String got = resp.status() + " " + resp.errcode();
                boolean ok = switch (expected) {
                    case "ANY" -> resp.status() < 500 && (resp.status() < 400 || Rel.allowed(resp.errcode())
                            || resp.status() == 401 && resp.json() != null && resp.json().has("flows")); // UIA
                    case "NOT_AUTH_ERROR" -> isLogout(r) && kind.endsWith("AS")
                            ? resp.status() == 403 && "M_FORBIDDEN".equals(resp.errcode()) // an as_token is not a session
                            : resp.status() < 500 && resp.status() != 401
                            && !(resp.status() == 403 && "M_FORBIDDEN".equals(resp.errcode())
                                    && resp.text().contains("token"));
                    // A deleted token is a hard logout: no soft_logout (the spec's default is false).
                    default -> got.equals(expected) && !softLogout(resp);
                };
                if (!ok) {
                    failures.add(r.method() + " " + path + " [" + kind + "] expected " + expected + ", got " + resp);
                }
            }
        }

        // The bridge's application service port: the hs_token or nothing.
        String bridgeHs = bridge.config().appservice().hsToken();
        String base = "http://127.0.0.1:" + bridge.asPort();
        String[][] bridgeRoutes = {
            {"PUT", "/_matrix/app/v1/transactions/sec1"}, {"GET", "/_matrix/app/v1/users/%40irc.example.org%2F_nobody%3Alocalhost"},
            {"GET", "/_matrix/app/v1/rooms/%23irc.example.org%2F%23nochan1%3Alocalhost"}, {"POST", "/_matrix/app/v1/ping"},
            {"PUT", "/transactions/sec2"}, {"GET", "/users/%40irc.example.org%2F_nobody%3Alocalhost"},
            {"GET", "/rooms/%23irc.example.org%2F%23nochan2%3Alocalhost"},
        };
        Map<String, String> bridgeTokens = new LinkedHashMap<>();
        bridgeTokens.put("none", null);
        bridgeTokens.put("wrong", "wrong_" + UUID.randomUUID());
        bridgeTokens.put("as_token", bridge.config().appservice().asToken());
        bridgeTokens.put("other-AS hs_token", a.registration().hsToken());
        bridgeTokens.put("user", alice.accessToken());
        bridgeTokens.put("hs_token", bridgeHs);
        for (String[] r : bridgeRoutes) {
            for (Map.Entry<String, String> t : bridgeTokens.entrySet()) {
                byte[] body = r[0].equals("GET") ? null : "{\"events\":[]}".getBytes();
                Rel.Resp resp = Rel.send(r[0], base + r[1], t.getValue(), body);
                calls++;
                String expected = switch (t.getKey()) {
                    case "none" -> "401 M_UNAUTHORIZED";
                    case "hs_token" -> "OK";
                    default -> "403 M_FORBIDDEN";
                };
                boolean ok = expected.equals("OK") ? resp.status() == 200 || "M_NOT_FOUND".equals(resp.errcode())
                        : expected.equals(resp.status() + " " + resp.errcode());
                if (!ok) {
                    failures.add("bridge " + r[0] + " " + r[1] + " [" + t.getKey() + "] expected " + expected + ", got " + resp);
                }
            }
        }
        Rel.figure("SecurityMatrixIT: " + calls + " calls (" + homeserverRoutes().size() + " homeserver routes x "
                + tokens.size() + " token kinds, " + bridgeRoutes.length + " bridge routes x " + bridgeTokens.size()
                + "); " + failures.size() + " deviations" + (failures.isEmpty() ? "" : ": " + failures));
        assertTrue(failures.isEmpty(), failures.size() + " deviations:\n" + String.join("\n", failures));
    }

    private static boolean isLogout(Route r) {
        return r.path().endsWith("/logout") || r.path().endsWith("/logout/all");
    }

    static boolean softLogout(Rel.Resp resp) {
        return resp.json() != null && resp.json().path("soft_logout").asBoolean(false);
    }

    private static byte[] body(Route r) {
        if (r.method().equals("GET") || r.method().equals("DELETE")) {
            return null;
        }
        return "{}".getBytes();
    }

    /** The spec's answer for this kind of token on this route. */
    private static String expected(Route r, String kind) {
        if (r.auth().equals("NONE")) {
            return "ANY";
        }
        switch (kind) {
            case "none":
                return "401 M_MISSING_TOKEN";
            case "wrong", "wrong-in-query", "logged-out", "logged-out-all", "hs_token":
                return "401 M_UNKNOWN_TOKEN";
            default:
                break;
        }
        if (r.auth().equals("SERVICE")) {
            return switch (kind) {
                case "own-AS" -> "ANY";
                default -> "403 M_FORBIDDEN"; // a user, or another service pinging this one
            };
        }
        return "NOT_AUTH_ERROR";
    }

    @Test
    void namespaces_serviceOutsideItsOwn_userOnExclusive_tsFromUser_refused(TestHomeserver hs) {
        TestAppService a = hs.startAppService("seca", NS_A, new Quiet());
        TestAppService b = hs.startAppService("secb", NS_B, new Quiet());
        HomeserverClient anon = HomeserverClient.anonymous(hs.baseUrl());
        Session alice = anon.registerUser("alice", "alice-password-1");
        String v3 = hs.baseUrl() + "/_matrix/client/v3";
        String asA = a.registration().asToken();
        List<String> failures = new ArrayList<>();
        java.util.function.BiConsumer<String, Rel.Resp> expect = (what, resp) -> {
            String exp = what.substring(0, what.indexOf('|'));
            if (!exp.equals(resp.status() + " " + resp.errcode())) {
                failures.add(what.substring(what.indexOf('|') + 1) + ": expected " + exp + ", got " + resp);
            }
        };
        // A service registering a user outside its namespace, or in another service's.
        expect.accept("400 M_EXCLUSIVE|A registers @secb_x", Rel.send("POST", v3 + "/register", asA,
                "{\"type\":\"m.login.application_service\",\"username\":\"secb_x\"}"));
        expect.accept("400 M_EXCLUSIVE|A registers @plain", Rel.send("POST", v3 + "/register", asA,
                "{\"type\":\"m.login.application_service\",\"username\":\"plainuser\"}"));
        // Identity assertion outside the namespace.
        expect.accept("403 M_FORBIDDEN|A asserts alice", Rel.send("GET", v3 + "/account/whoami?user_id="
                + PercentCodec.encode(alice.userId().toString()), asA, (String) null));
        expect.accept("403 M_FORBIDDEN|A asserts @secb_y", Rel.send("GET", v3 + "/account/whoami?user_id="
                + PercentCodec.encode("@secb_y:localhost"), asA, (String) null));
        // A service binding another service's exclusive alias.
        RoomId roomA = a.client().createRoom(CreateRoomRequest.named("a"));
        expect.accept("400 M_EXCLUSIVE|A binds #secb_r", Rel.send("PUT", v3 + "/directory/room/"
                + PercentCodec.encode("#secb_r:localhost"), asA, "{\"room_id\":\"" + roomA + "\"}"));
        // Humans on exclusive IDs and aliases.
        expect.accept("400 M_EXCLUSIVE|human registers @seca_z", Rel.send("POST", v3 + "/register", null,
                "{\"username\":\"seca_z\",\"password\":\"p4ssword-long\",\"auth\":{\"type\":\"m.login.dummy\"}}"));
        RoomId roomAlice = anon.withToken(alice.accessToken()).createRoom(CreateRoomRequest.named("al"));
        expect.accept("400 M_EXCLUSIVE|alice binds #seca_q", Rel.send("PUT", v3 + "/directory/room/"
                + PercentCodec.encode("#seca_q:localhost"), alice.accessToken(), "{\"room_id\":\"" + roomAlice + "\"}"));
        expect.accept("400 M_EXCLUSIVE|alice createRoom alias seca_w", Rel.send("POST", v3 + "/createRoom",
                alice.accessToken(), "{\"room_alias_name\":\"seca_w\"}"));
        // ts from a non-service: ignored (or refused), never honoured.
        Rel.Resp sent = Rel.send("PUT", v3 + "/rooms/" + PercentCodec.encode(roomAlice.toString())
                + "/send/m.room.message/ts1?ts=1000", alice.accessToken(), "{\"msgtype\":\"m.text\",\"body\":\"ts\"}");
        if (sent.status() == 200) {
            String eventId = sent.json().path("event_id").asText();
            var events = anon.withToken(alice.accessToken()).sync(null, java.time.Duration.ZERO)
                    .joined().get(roomAlice).timeline();
            long ts = events.stream().filter(e -> e.eventId().toString().equals(eventId)).findFirst()
                    .orElseThrow().originServerTs();
            assertNotEquals(1000L, ts, "a user's ?ts= must not set origin_server_ts");
        } else {
            assertTrue(sent.status() == 403 || sent.status() == 400, "ts from a user: " + sent);
        }
        // Same for state events.
        Rel.Resp state = Rel.send("PUT", v3 + "/rooms/" + PercentCodec.encode(roomAlice.toString())
                + "/state/m.room.topic/?ts=1000", alice.accessToken(), "{\"topic\":\"t\"}");
        assertTrue(state.status() < 500, "state with ts: " + state);
        Rel.figure("SecurityMatrixIT namespaces: 8 refusals checked + ts from a user (send, state); "
                + failures.size() + " deviations" + (failures.isEmpty() ? "" : ": " + failures));
        assertEquals(List.of(), failures);
    }
}
