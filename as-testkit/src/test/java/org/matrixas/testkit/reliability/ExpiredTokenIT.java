package org.matrixas.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.homeserver.config.HomeserverConfig;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.Session;
import org.matrixas.protocol.http.PercentCodec;
import org.matrixas.protocol.registration.Registration;
import org.matrixas.testkit.Await;

/**
 * Security matrix, expired tokens: with {@code access_token_lifetime_ms} set, a user's token that has outlived it
 * is refused on every authenticated route (in the header and in {@code ?access_token=}) with 401
 * {@code M_UNKNOWN_TOKEN} and {@code soft_logout: true}, as the spec's
 * <a href="https://spec.matrix.org/v1.11/client-server-api/#soft-logout">soft logout</a> says; login and
 * registration announce the lifetime as {@code expires_in_ms}.
 */
class ExpiredTokenIT {
    private static final Duration LIFETIME = Duration.ofMillis(1500);

    @Test
    void everyRoute_expiredToken_401UnknownTokenSoftLogout(@TempDir Path tmp) {
        HomeserverConfig config = HomeserverConfig.builder().serverName("localhost").dataDir(tmp).listen("127.0.0.1", 0)
                .enableRegistration(true).accessTokenLifetime(LIFETIME).build();
        try (Homeserver hs = Homeserver.start(config)) {
            hs.registerAppService(Registration.builder().id("seca").url(null).asToken("seca-as").hsToken("seca-hs")
                    .senderLocalpart("seca").namespaces(SecurityMatrixIT.NS_A).build());
            String v3 = hs.baseUrl() + "/_matrix/client/v3";
            Rel.Resp reg = Rel.send("POST", v3 + "/register", null, "{\"username\":\"alice\",\"password\":"
                    + "\"alice-password-1\",\"auth\":{\"type\":\"m.login.dummy\"}}");
            assertEquals(LIFETIME.toMillis(), reg.json().path("expires_in_ms").asLong(), reg.toString());
            String expired = reg.json().path("access_token").asText();
            Session login = HomeserverClient.anonymous(hs.baseUrl()).login("alice", "alice-password-1");
            assertTrue(login.accessToken().startsWith("mas_"));
            Await.until("the token to expire", () -> Rel.send("GET", v3 + "/account/whoami", expired, (byte[]) null)
                    .status() == 401, Duration.ofSeconds(30));

            List<String> failures = new ArrayList<>();
            int calls = 0;
            for (SecurityMatrixIT.Route r : SecurityMatrixIT.homeserverRoutes()) {
                if (r.auth().equals("NONE")) {
                    continue;
                }
                String path = r.path().replace("{appserviceId}", "seca")
                        .replace("{roomId}", PercentCodec.encode("!nothing:localhost"))
                        .replace("{userId}", PercentCodec.encode("@alice:localhost"))
                        .replace("{alias}", PercentCodec.encode("#x:localhost"))
                        .replace("{eventId}", PercentCodec.encode("$nothing")).replace("{txnId}", "t" + calls);
                byte[] body = r.method().equals("GET") || r.method().equals("DELETE") ? null : "{}".getBytes();
                Rel.Resp header = Rel.send(r.method(), hs.baseUrl() + path, expired, body);
                Rel.Resp query = Rel.send(r.method(), hs.baseUrl() + path + (path.contains("?") ? "&" : "?")
                        + "access_token=" + expired, null, body);
                calls += 2;
                for (Rel.Resp resp : List.of(header, query)) {
                    if (resp.status() != 401 || !"M_UNKNOWN_TOKEN".equals(resp.errcode())
                            || !SecurityMatrixIT.softLogout(resp)) {
                        failures.add(r.method() + " " + path + " expected 401 M_UNKNOWN_TOKEN soft_logout, got " + resp);
                    }
                }
            }
            Rel.figure("ExpiredTokenIT: " + calls + " calls (every authenticated homeserver route, token in the header "
                    + "and in the query) with a token past access_token_lifetime_ms=" + LIFETIME.toMillis() + "; "
                    + failures.size() + " deviations" + (failures.isEmpty() ? "" : ": " + failures));
            assertEquals(List.of(), failures);
        }
    }
}
