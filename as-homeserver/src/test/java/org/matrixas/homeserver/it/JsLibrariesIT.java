package org.matrixas.homeserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.SyncResponse;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;

/**
 * Real, unmodified Matrix libraries from npm against the homeserver: a matrix-js-sdk client, a matrix-bot-sdk
 * {@code Appservice} and a matrix-appservice-bridge {@code Bridge} (scripts in {@code src/test/js}).
 */
class JsLibrariesIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    Path dir;
    private Homeserver hs;
    private HomeserverClient alice;
    private String aliceToken;

    @BeforeAll
    static void librariesInstalled() {
        NodeScript.requireInstalled();
    }

    @BeforeEach
    void start() {
        hs = TestServers.start(dir);
        aliceToken = HomeserverClient.anonymous(hs.baseUrl()).registerUser("alice", "password1").accessToken();
        alice = HomeserverClient.create(hs.baseUrl(), aliceToken);
    }

    @AfterEach
    void stop() {
        hs.close();
    }

    @Test
    void matrixJsSdk_registerLoginSyncRoomsAndMessages_everyStepPasses() throws Exception {
        try (NodeScript client = NodeScript.start("client.mjs", hs.baseUrl())) {
            JsonNode result = client.await(r -> r.has("ok"), Duration.ofSeconds(90), "ok");
            assertTrue(result.path("ok").asBoolean(), client.output());
            assertEquals(0, client.waitFor(WAIT), client.output());
        }
    }

    @Test
    void matrixBotSdk_appservice_queriesAnsweredWhileItCallsBackAndEventsDelivered() throws Exception {
        Registration reg = registration("botsdk", "bot_", freePort(), List.of(), true);
        hs.registerAppService(reg);
        try (NodeScript as = NodeScript.start("bot-sdk.mjs", hs.baseUrl(), port(reg), Json.writeString(reg))) {
            as.awaitReport("ready", WAIT);
            RoomId room = alice.join("#bot_lobby:localhost");
            assertEquals("#bot_lobby:localhost", as.awaitReport("query.room", WAIT).path("alias").asText());
            assertEquals("Bridged bot_zed", alice.displayName(UserId.parse("@bot_zed:localhost")).orElseThrow());

            alice.sendText(room, "ping");
            awaitMessage(room, "echo: ping");
            awaitMessage(room, "puppet echo: ping");

            TestServers.Answer typing = TestServers.call("PUT", hs.baseUrl() + "/_matrix/client/v3/rooms/"
                    + room + "/typing/@alice:localhost", aliceToken, "{\"typing\":true,\"timeout\":5000}");
            assertEquals(200, typing.status(), typing.body());
            as.await(r -> "ephemeral".equals(r.path("report").asText()) && "m.typing".equals(r.path("type").asText()),
                    WAIT, "m.typing");
        }
    }

    @Test
    void matrixAppserviceBridge_bridge_pingsItselfProvisionsAndAnswersThirdPartyLookups() throws Exception {
        Registration reg = registration("ircbridge", "irc_", freePort(), List.of("irc"), false);
        hs.registerAppService(reg);
        try (NodeScript bridge = NodeScript.start("bridge.mjs", hs.baseUrl(), port(reg), Json.writeString(reg))) {
            JsonNode ready = bridge.awaitReport("ready", WAIT);
            assertTrue(ready.path("ping_ms").asLong(-1) >= 0, ready.toString());

            RoomId room = alice.join("#irc_lobby:localhost");
            assertEquals("IRC irc_zed", alice.displayName(UserId.parse("@irc_zed:localhost")).orElseThrow());
            alice.sendText(room, "hello irc");
            awaitMessage(room, "irc echo: hello irc");

            String v3 = hs.baseUrl() + "/_matrix/client/v3";
            JsonNode protocols = get(v3 + "/thirdparty/protocols");
            assertEquals("ircbridge|libera", protocols.path("irc").path("instances").get(0).path("instance_id").asText());
            assertEquals("@irc_bob:localhost", get(v3 + "/thirdparty/user/irc?nick=Bob").get(0).path("userid").asText());
            assertEquals("#irc_matrix:localhost",
                    get(v3 + "/thirdparty/location/irc?channel=%23matrix").get(0).path("alias").asText());
            assertEquals("bob", get(v3 + "/thirdparty/user?userid=@irc_bob:localhost").get(0).path("fields")
                    .path("nick").asText());
            assertEquals("@irc_bob:localhost", get(hs.baseUrl() + "/_matrix/app/v1/user?uri=irc://irc.libera.chat/Bob")
                    .path("user_id").asText());
            assertEquals("#irc_matrix:localhost",
                    get(hs.baseUrl() + "/_matrix/app/v1/alias?uri=irc://irc.libera.chat/%23matrix").path("alias")
                            .asText());
            // The library has no /_matrix/app/v1/ping endpoint: the spec's answer is 502 M_BAD_STATUS.
            TestServers.Answer ping = TestServers.call("POST", hs.baseUrl()
                    + "/_matrix/client/v1/appservice/ircbridge/ping", reg.asToken(), "{}");
            assertEquals(502, ping.status(), ping.body());
            assertEquals("M_BAD_STATUS", ping.errcode());
        }
    }

    private JsonNode get(String url) throws Exception {
        TestServers.Answer a = TestServers.call("GET", url, aliceToken, (String) null);
        assertEquals(200, a.status(), url + ": " + a.body());
        return a.json();
    }

    /** Syncs as Alice until a message with this body shows up in the room. */
    private void awaitMessage(RoomId room, String body) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String since = null;
        while (System.nanoTime() < deadline) {
            SyncResponse r = alice.sync(since, since == null ? Duration.ZERO : Duration.ofSeconds(5));
            SyncResponse.JoinedRoom joined = r.joined().get(room);
            if (joined != null && joined.timeline().stream().map(ClientEvent::content)
                    .anyMatch(c -> body.equals(c.path("body").asText()))) {
                return;
            }
            since = r.nextBatch();
        }
        throw new AssertionError("no message '" + body + "' in " + room + " within " + WAIT);
    }

    private static Registration registration(String id, String prefix, int port, List<String> protocols,
            boolean ephemeral) {
        return Registration.builder().id(id).url("http://127.0.0.1:" + port).asToken(id + "-as-token")
                .hsToken(id + "-hs-token").senderLocalpart(prefix + "bot").rateLimited(false).protocols(protocols)
                .receiveEphemeral(ephemeral)
                .namespaces(new Namespaces(List.of(Namespace.exclusive("@" + prefix + ".*:localhost")),
                        List.of(Namespace.exclusive("#" + prefix + ".*:localhost")), List.of()))
                .build();
    }

    private static String port(Registration r) {
        return r.url().substring(r.url().lastIndexOf(':') + 1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
