package org.matrixas.homeserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.protocol.registration.Registration;

/**
 * Deleted and expired access tokens: {@code POST /logout} and {@code /logout/all} delete tokens (401
 * {@code M_UNKNOWN_TOKEN} afterwards); with {@code access_token_lifetime_ms} a token expires (401
 * {@code M_UNKNOWN_TOKEN}, {@code soft_logout: true}) and login/register say {@code expires_in_ms}.
 */
class TokensIT {
    private static final String LOGIN = "{\"type\":\"m.login.password\",\"identifier\":{\"type\":\"m.id.user\","
            + "\"user\":\"alice\"},\"password\":\"password1\"}";
    @TempDir
    Path dir;

    private static String token(TestServers.Answer a) {
        assertEquals(200, a.status(), a.body());
        return a.json().path("access_token").asText();
    }

    @Test
    void logoutAll_deletesEveryTokenOfTheUser_notOthers() throws Exception {
        try (Homeserver hs = TestServers.start(dir)) {
            String v3 = hs.baseUrl() + "/_matrix/client/v3";
            String first = token(TestServers.call("POST", v3 + "/register", null, "{\"username\":\"alice\","
                    + "\"password\":\"password1\",\"auth\":{\"type\":\"m.login.dummy\"}}"));
            assertFalse(TestServers.call("POST", v3 + "/login", null, LOGIN).json().has("expires_in_ms"),
                    "no lifetime configured: no expires_in_ms");
            String second = token(TestServers.call("POST", v3 + "/login", null, LOGIN));
            String bob = token(TestServers.call("POST", v3 + "/register", null, "{\"username\":\"bob\","
                    + "\"password\":\"password1\",\"auth\":{\"type\":\"m.login.dummy\"}}"));

            assertEquals(200, TestServers.call("POST", v3 + "/logout/all", second, "{}").status());
            for (String dead : new String[] {first, second}) {
                TestServers.Answer a = TestServers.call("GET", v3 + "/account/whoami", dead, (String) null);
                assertEquals(401, a.status(), a.body());
                assertEquals("M_UNKNOWN_TOKEN", a.errcode());
                assertFalse(a.json().path("soft_logout").asBoolean(false), "a deleted token is a hard logout");
            }
            assertEquals(200, TestServers.call("GET", v3 + "/account/whoami", bob, (String) null).status());
            assertEquals(200, TestServers.call("GET", hs.baseUrl() + "/_matrix/client/r0/account/whoami",
                    token(TestServers.call("POST", v3 + "/login", null, LOGIN)), (String) null).status());
        }
    }

    @Test
    void logoutAll_withAnAsToken_forbidden() throws Exception {
        try (Homeserver hs = TestServers.start(dir)) {
            hs.registerAppService(Registration.builder().id("svc").url(null).asToken("svc-as").hsToken("svc-hs")
                    .senderLocalpart("svc").build());
            TestServers.Answer a = TestServers.call("POST", hs.baseUrl() + "/_matrix/client/v3/logout/all", "svc-as",
                    "{}");
            assertEquals(403, a.status(), a.body());
            assertEquals("M_FORBIDDEN", a.errcode());
        }
    }

    @Test
    void lifetime_tokenExpires_softLogoutThenLoginAgain() throws Exception {
        Duration lifetime = Duration.ofMillis(800);
        try (Homeserver hs = Homeserver.start(TestServers.config(dir).accessTokenLifetime(lifetime).build())) {
            String v3 = hs.baseUrl() + "/_matrix/client/v3";
            TestServers.Answer reg = TestServers.call("POST", v3 + "/register", null, "{\"username\":\"alice\","
                    + "\"password\":\"password1\",\"auth\":{\"type\":\"m.login.dummy\"}}");
            assertEquals(800, reg.json().path("expires_in_ms").asLong(), reg.body());
            String token = token(reg);
            JsonNode expired = awaitUnauthorized(v3, token, Duration.ofSeconds(20));
            assertEquals("M_UNKNOWN_TOKEN", expired.path("errcode").asText(), expired.toString());
            assertTrue(expired.path("soft_logout").asBoolean(false), expired.toString());
            // The device survives a soft logout: the user logs in again and carries on.
            TestServers.Answer login = TestServers.call("POST", v3 + "/login", null, LOGIN);
            assertEquals(800, login.json().path("expires_in_ms").asLong(), login.body());
            // Logging out an expired token is refused like any call with it (soft logout).
            TestServers.Answer out = TestServers.call("POST", v3 + "/logout", token, "{}");
            assertEquals(401, out.status(), out.body());
            assertTrue(out.json().path("soft_logout").asBoolean(false), out.body());
        }
    }

    /** Polls whoami until the token stops working; the body of the 401. */
    private static JsonNode awaitUnauthorized(String v3, String token, Duration deadline) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            TestServers.Answer a = TestServers.call("GET", v3 + "/account/whoami", token, (String) null);
            if (a.status() != 200) {
                assertEquals(401, a.status(), a.body());
                return a.json();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // the token expires with time: poll it
        }
        throw new AssertionError("the token still worked after " + deadline);
    }
}
