package org.matrixas.protocol.appservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.client.AppServiceClient;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;
import org.matrixas.protocol.thirdparty.ThirdPartyFieldType;
import org.matrixas.protocol.thirdparty.ThirdPartyInstance;
import org.matrixas.protocol.thirdparty.ThirdPartyLocation;
import org.matrixas.protocol.thirdparty.ThirdPartyProtocol;
import org.matrixas.protocol.thirdparty.ThirdPartyUser;

/** The third-party routes of {@link AppServiceEndpoint} over loopback HTTP: v1, bare and unstable paths. */
class AppServiceThirdPartyIT {
    private static final RoomAlias ALIAS = RoomAlias.parse("#irc_#a:hs");
    private static final UserId BOB = UserId.parse("@irc_bob:hs");
    private final List<Map<String, String>> fieldsSeen = new CopyOnWriteArrayList<>();
    private final HttpClient raw = HttpClient.newHttpClient();
    private AppServiceServer server;
    private AppServiceClient client;

    @BeforeEach
    void start() {
        AppService service = new AppService() {
            @Override
            public void onTransaction(String txnId, Transaction transaction) {
            }

            @Override
            public Optional<ThirdPartyProtocol> onThirdPartyProtocol(String protocol) {
                return protocol.equals("irc") ? Optional.of(new ThirdPartyProtocol(List.of("nick"),
                        List.of("channel"), null, Map.of("nick", new ThirdPartyFieldType("[^#\\s]+", "Bob"),
                        "channel", new ThirdPartyFieldType("#.+", "#chan")),
                        List.of(new ThirdPartyInstance("Example", null, Map.of("domain", "ex"), "ex"))))
                        : Optional.empty();
            }

            @Override
            public List<ThirdPartyLocation> onThirdPartyLocations(String protocol, Map<String, String> fields) {
                fieldsSeen.add(fields);
                return "#a".equals(fields.get("channel")) ? List.of(location()) : List.of();
            }

            @Override
            public List<ThirdPartyUser> onThirdPartyUsers(String protocol, Map<String, String> fields) {
                fieldsSeen.add(fields);
                return "bob".equals(fields.get("nick")) ? List.of(user()) : List.of();
            }

            @Override
            public List<ThirdPartyLocation> onThirdPartyLocationsFor(RoomAlias alias) {
                return alias.equals(ALIAS) ? List.of(location()) : List.of();
            }

            @Override
            public List<ThirdPartyUser> onThirdPartyUsersFor(UserId userId) {
                return userId.equals(BOB) ? List.of(user()) : List.of();
            }
        };
        server = AppServiceServer.builder().port(0)
                .endpoint(AppServiceEndpoint.builder().hsToken("secret").service(service).build()).build().start();
        client = AppServiceClient.builder().baseUrl("http://127.0.0.1:" + server.port()).hsToken("secret").build();
    }

    private static ThirdPartyLocation location() {
        return new ThirdPartyLocation(ALIAS, "irc", Map.of("channel", "#a"));
    }

    private static ThirdPartyUser user() {
        return new ThirdPartyUser(BOB, "irc", Map.of("nick", "bob"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void protocol_known_metadataInSpecShape() {
        JsonNode p = client.thirdPartyProtocol("irc");
        assertEquals("nick", p.path("user_fields").get(0).asText());
        assertEquals("channel", p.path("location_fields").get(0).asText());
        assertEquals("#chan", p.path("field_types").path("channel").path("placeholder").asText());
        assertEquals("ex", p.path("instances").get(0).path("network_id").asText());
        assertEquals("ex", p.path("instances").get(0).path("fields").path("domain").asText());
        assertEquals("", p.path("icon").asText("missing"));
        assertTrue(p.path("instances").get(0).path("icon").isMissingNode(), p.toString());
    }

    @Test
    void protocol_unknown_404NotFound() {
        MatrixException e = assertThrows(MatrixException.class, () -> client.thirdPartyProtocol("xmpp"));
        assertEquals(404, e.httpStatus());
        assertEquals("M_NOT_FOUND", e.errcode());
    }

    @Test
    void lookups_byFields_matchOr404_tokenNeverAField() {
        JsonNode loc = client.thirdPartyLocations("irc", Map.of("channel", "#a")).get(0);
        assertEquals(ALIAS.toString(), loc.path("alias").asText());
        assertEquals("#a", loc.path("fields").path("channel").asText());
        JsonNode user = client.thirdPartyUsers("irc", Map.of("nick", "bob")).get(0);
        assertEquals(BOB.toString(), user.path("userid").asText());
        assertEquals("irc", user.path("protocol").asText());
        MatrixException none = assertThrows(MatrixException.class,
                () -> client.thirdPartyUsers("irc", Map.of("nick", "carol")));
        assertEquals(404, none.httpStatus());
        assertEquals("M_NOT_FOUND", none.errcode());
        assertEquals(Map.of("channel", "#a"), fieldsSeen.get(0), "access_token must not reach the service");
    }

    @Test
    void reverseLookups_aliasAndUserId_matchOr404() {
        assertEquals("#a", client.thirdPartyLocationsFor(ALIAS).get(0).path("fields").path("channel").asText());
        assertEquals("bob", client.thirdPartyUsersFor(BOB).get(0).path("fields").path("nick").asText());
        MatrixException none = assertThrows(MatrixException.class,
                () -> client.thirdPartyUsersFor(UserId.parse("@irc_carol:hs")));
        assertEquals(404, none.httpStatus());
    }

    @Test
    void legacyAndUnstablePaths_answeredLikeV1() throws Exception {
        assertEquals(200, get("/thirdparty/protocol/irc", "secret").statusCode());
        assertEquals(200, get("/_matrix/app/unstable/thirdparty/protocol/irc", "secret").statusCode());
        HttpResponse<String> user = get("/_matrix/app/unstable/thirdparty/user?userid=%40irc_bob%3Ahs", "secret");
        assertEquals(200, user.statusCode(), user.body());
        assertEquals(BOB.toString(), Json.tree(user.body().getBytes()).get(0).path("userid").asText());
        assertEquals(404, get("/_matrix/app/unstable/transactions/1", "secret").statusCode());
    }

    @Test
    void badRequests_clearErrors() throws Exception {
        assertEquals(401, get("/_matrix/app/v1/thirdparty/protocol/irc", null).statusCode());
        assertEquals(403, get("/_matrix/app/v1/thirdparty/protocol/irc", "wrong").statusCode());
        HttpResponse<String> missing = get("/_matrix/app/v1/thirdparty/location", "secret");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("M_MISSING_PARAM"), missing.body());
        HttpResponse<String> badAlias = get("/_matrix/app/v1/thirdparty/location?alias=nope", "secret");
        assertEquals(400, badAlias.statusCode());
        assertTrue(badAlias.body().contains("M_INVALID_PARAM"), badAlias.body());
        HttpResponse<String> unknown = get("/_matrix/app/v1/thirdparty/network/irc", "secret");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("M_UNRECOGNIZED"), unknown.body());
        assertEquals(404, get("/_matrix/app/v1/thirdparty/user/", null).statusCode(), "unknown before the token");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return raw.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
