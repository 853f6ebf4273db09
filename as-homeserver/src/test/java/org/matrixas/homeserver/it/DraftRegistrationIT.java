package org.matrixas.homeserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.Session;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.RegisterRequest;

class DraftRegistrationIT {
    private static final String REGISTER = "/_matrix/appservice/v1/register";
    private static final String UNREGISTER = "/_matrix/appservice/v1/unregister";
    private static final String BODY = "{\"url\":\"http://127.0.0.1:9\",\"as_token\":\"%s\","
            + "\"namespaces\":{\"users\":[{\"exclusive\":true,\"regex\":\"@irc_.*:localhost\"}],\"aliases\":[\"#irc_.*:localhost\"]}}";
    @TempDir
    Path dir;

    @Test
    void register_missingToken_401MissingToken() throws Exception {
        try (Homeserver hs = TestServers.start(dir)) {
            TestServers.Answer a = TestServers.call("POST", hs.baseUrl() + REGISTER, null, "{\"url\":\"http://x\"}");
            assertEquals(401, a.status());
            assertEquals("M_MISSING_TOKEN", a.errcode());
        }
    }

    @Test
    void register_tokenNotPreauthorised_403Forbidden() throws Exception {
        try (Homeserver hs = TestServers.start(dir)) {
            TestServers.Answer a = TestServers.call("POST", hs.baseUrl() + REGISTER, null, BODY.formatted("stranger"));
            assertEquals(403, a.status());
            assertEquals("M_FORBIDDEN", a.errcode());
        }
    }

    @Test
    void register_invalidRegex_400InvalidParam() throws Exception {
        try (Homeserver hs = TestServers.start(dir)) {
            String body = "{\"url\":\"http://127.0.0.1:9\",\"as_token\":\"" + TestServers.PREAUTH_TOKEN
                    + "\",\"namespaces\":{\"users\":[{\"exclusive\":true,\"regex\":\"@(unclosed\"}]}}";
            TestServers.Answer a = TestServers.call("POST", hs.baseUrl() + REGISTER, null, body);
            assertEquals(400, a.status());
            assertEquals("M_INVALID_PARAM", a.errcode());
        }
    }

    @Test
    void register_valid_200WithHsTokenThatSurvivesRestart() throws Exception {
        String hsToken;
        try (Homeserver hs = TestServers.start(dir)) {
            TestServers.Answer a = TestServers.call("POST", hs.baseUrl() + REGISTER, null,
                    BODY.formatted(TestServers.PREAUTH_TOKEN));
            assertEquals(200, a.status(), a.body());
            hsToken = a.json().path("hs_token").asText();
            assertFalse(hsToken.isEmpty());
        }
        try (Homeserver hs = TestServers.start(dir)) {
            HomeserverClient as = HomeserverClient.create(hs.baseUrl(), TestServers.PREAUTH_TOKEN);
            UserId user = as.registerAppServiceUser("irc_bob");
            assertEquals("@irc_bob:localhost", user.toString());
            // A re-registration replaces the namespaces and issues a fresh hs_token.
            TestServers.Answer again = TestServers.call("POST", hs.baseUrl() + REGISTER, null,
                    BODY.formatted(TestServers.PREAUTH_TOKEN));
            assertEquals(200, again.status());
            assertNotEquals(hsToken, again.json().path("hs_token").asText());
        }
    }

    @Test
    void unregister_registered_stopsDeliveryAndKeepsTxnIdsIncreasing() throws Exception {
        try (Homeserver hs = TestServers.start(dir); FakeAppService fake = new FakeAppService()) {
            HomeserverClient anon = HomeserverClient.anonymous(hs.baseUrl());
            Namespaces ns = new Namespaces(List.of(Namespace.exclusive("@irc_.*:localhost")), List.of(), List.of());
            String hsToken = anon.registerAppService(new RegisterRequest(fake.url(), TestServers.PREAUTH_TOKEN, ns))
                    .hsToken();
            fake.hsToken(hsToken);
            HomeserverClient as = HomeserverClient.create(hs.baseUrl(), TestServers.PREAUTH_TOKEN);
            UserId bob = as.registerAppServiceUser("irc_bob");
            RoomId room = as.as(bob).createRoom(CreateRoomRequest.named("r1"));
            as.as(bob).sendText(room, "first");
            List<ClientEvent> got = fake.eventsUntil(e -> e.contentString("body").orElse("").equals("first"),
                    Duration.ofSeconds(10));
            assertTrue(got.stream().anyMatch(e -> e.type().equals("m.room.create")));
            long firstTxn = Long.parseLong(fake.lastDeliveredTxnId);

            anon.unregisterAppService(TestServers.PREAUTH_TOKEN);
            TestServers.Answer denied = TestServers.call("GET", hs.baseUrl() + "/_matrix/client/v3/account/whoami",
                    TestServers.PREAUTH_TOKEN, (String) null);
            assertEquals(401, denied.status());

            fake.hsToken(anon.registerAppService(new RegisterRequest(fake.url(), TestServers.PREAUTH_TOKEN, ns))
                    .hsToken());
            as.as(bob).sendText(room, "second");
            FakeAppService.Attempt next = fake.next(Duration.ofSeconds(10));
            assertTrue(Long.parseLong(next.txnId()) > firstTxn, "txnId " + next.txnId() + " must keep increasing");
            assertEquals(1, next.transaction().events().size(), "a fresh registration gets no history");
            assertEquals("second", next.transaction().events().get(0).contentString("body").orElseThrow());
        }
    }

    @Test
    void unregister_unknownToken_403() throws Exception {
        try (Homeserver hs = TestServers.start(dir)) {
            TestServers.Answer a = TestServers.call("POST", hs.baseUrl() + UNREGISTER, null,
                    "{\"as_token\":\"nope\"}");
            assertEquals(403, a.status());
            TestServers.Answer missing = TestServers.call("POST", hs.baseUrl() + UNREGISTER, null, "{}");
            assertEquals(401, missing.status());
        }
    }

    @Test
    void register_humanStillWorks_sessionHasToken() throws Exception {
        try (Homeserver hs = TestServers.start(dir)) {
            Session s = HomeserverClient.anonymous(hs.baseUrl()).registerUser("alice", "secret-pass");
            assertEquals("@alice:localhost", s.userId().toString());
            assertEquals(s.userId(), HomeserverClient.create(hs.baseUrl(), s.accessToken()).whoami());
        }
    }
}
