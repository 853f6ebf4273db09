package org.matrixas.homeserver.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.homeserver.config.HomeserverConfig;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.http.PercentCodec;
import org.matrixas.protocol.json.Json;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;

/**
 * The token matrix over every route the server has (read from the router, so a new route is covered when it is
 * added): no token, an unknown token, the wrong kind of token. The token is checked before the body is read.
 */
class SecurityIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Routes that need no token: public reads, login and registration, and the draft API (token in the body). */
    private static final Set<String> PUBLIC = Set.of(
            "GET /_matrix/client/versions", "GET /health",
            "GET {cs}/login", "POST {cs}/login", "POST {cs}/register",
            "GET {cs}/profile/{userId}", "GET {cs}/profile/{userId}/displayname",
            "GET {cs}/profile/{userId}/avatar_url", "GET {cs}/directory/room/{alias}",
            "GET {cs}/directory/list/room/{roomId}",
            "POST /_matrix/appservice/v1/register", "POST /_matrix/appservice/v1/unregister", "GET /metrics",
            "GET /_matrix/media/v3/download/{serverName}/{mediaId}",
            "GET /_matrix/media/v3/download/{serverName}/{mediaId}/{fileName}");
    @TempDir
    Path dir;
    private Homeserver hs;
    private String userToken;
    private String roomId;

    @BeforeEach
    void start() {
        hs = Homeserver.start(HomeserverConfig.builder().serverName("localhost").dataDir(dir).listen("127.0.0.1", 0)
                .enableRegistration(true).build());
        hs.registerAppService(Registration.builder().id("svc").url(null).asToken("svc-as").hsToken("svc-hs")
                .senderLocalpart("svcbot")
                .namespaces(new Namespaces(List.of(Namespace.exclusive("@svc_.*:localhost")), List.of(), List.of()))
                .build());
        userToken = HomeserverClient.anonymous(hs.baseUrl()).registerUser("alice", "password1").accessToken();
        roomId = HomeserverClient.create(hs.baseUrl(), userToken).createRoom(CreateRoomRequest.named("r")).toString();
    }

    @AfterEach
    void stop() {
        hs.close();
    }

    private record Answer(int status, String errcode) {
    }

    private Answer call(String method, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hs.baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{not json"));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        String errcode = r.body().length == 0 ? "" : Json.tree(r.body()).path("errcode").asText();
        return new Answer(r.statusCode(), errcode);
    }

    private String concrete(String[] pattern) {
        StringBuilder sb = new StringBuilder();
        for (String p : pattern) {
            String v = switch (p) {
                case "{roomId}" -> roomId;
                case "{room}", "{alias}" -> "#somewhere:localhost";
                case "{userId}" -> "@alice:localhost";
                case "{eventId}" -> "$event";
                case "{stateKey?}" -> "";
                case "{type}" -> "m.room.topic";
                case "{receiptType}" -> "m.read";
                case "{filterId}" -> "1";
                case "{protocol}" -> "irc";
                case "{appserviceId}" -> "svc";
                default -> p.startsWith("{") ? "x" : p;
            };
            sb.append('/').append(p.startsWith("{") ? PercentCodec.encode(v) : v);
        }
        return sb.toString();
    }

    private static String key(Router.Route r) {
        String path = "/" + String.join("/", r.pattern());
        return r.method() + " " + path.replace("/_matrix/client/v3", "{cs}").replace("/_matrix/client/r0", "{cs}");
    }

    @Test
    void everyRoute_noUnknownOrWrongKindOfToken_401MissingThen401UnknownThen403() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Router.Route r : ApiServer.routes(null, null).routes()) {
            String path = concrete(r.pattern());
            String what = r.method() + " " + path;
            if (r.auth() == Router.Auth.NONE) {
                if (!PUBLIC.contains(key(r))) {
                    failures.add(what + " needs no token but is not a public route");
                }
                continue;
            }
            checked++;
            expect(failures, what + " without a token", call(r.method(), path, null), 401, "M_MISSING_TOKEN");
            expect(failures, what + " with an unknown token", call(r.method(), path, "nope"), 401, "M_UNKNOWN_TOKEN");
            if (r.auth() == Router.Auth.SERVICE) {
                expect(failures, what + " with a user's token", call(r.method(), path, userToken), 403, "M_FORBIDDEN");
            } else {
                String sep = path.contains("?") ? "&" : "?";
                expect(failures, what + " as a user outside the service's namespace",
                        call(r.method(), path + sep + "user_id=%40alice%3Alocalhost", "svc-as"), 403, "M_FORBIDDEN");
            }
        }
        assertTrue(checked > 40, "only " + checked + " authenticated routes found");
        assertEquals(List.of(), failures);
    }

    @Test
    void tokenInBody_serviceRegistrationAndDraftApi_missingUnknownOrWrongKindRefused() throws Exception {
        String v3 = "/_matrix/client/v3";
        String body = "{\"type\":\"m.login.application_service\",\"username\":\"svc_x\"}";
        assertEquals(new Answer(401, "M_MISSING_TOKEN"), post(v3 + "/register", null, body));
        assertEquals(new Answer(401, "M_UNKNOWN_TOKEN"), post(v3 + "/register", "nope", body));
        assertEquals(new Answer(403, "M_FORBIDDEN"), post(v3 + "/register", userToken, body));
        assertEquals(new Answer(400, "M_EXCLUSIVE"), post(v3 + "/register", "svc-as",
                "{\"type\":\"m.login.application_service\",\"username\":\"outside\"}"));
        assertEquals(new Answer(401, "M_MISSING_TOKEN"), post("/_matrix/appservice/v1/register", null, "{}"));
        assertEquals(new Answer(403, "M_FORBIDDEN"), post("/_matrix/appservice/v1/register", null,
                "{\"as_token\":\"not-preauthorised\",\"url\":\"http://127.0.0.1:1\"}"));
        assertEquals(new Answer(400, "M_EXCLUSIVE"), post(v3 + "/register", null,
                "{\"username\":\"svc_mine\",\"auth\":{\"type\":\"m.login.dummy\"}}"));
    }

    private Answer post(String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hs.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), Json.tree(r.body()).path("errcode").asText());
    }

    private static void expect(List<String> failures, String what, Answer a, int status, String errcode) {
        if (a.status() != status || !a.errcode().equals(errcode)) {
            failures.add(what + ": " + a.status() + " " + a.errcode() + ", expected " + status + " " + errcode);
        }
    }
}
