package org.matrixas.homeserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;

/** Third-party lookups fanned out through as-protocol's AppServiceClient, forward and reverse. */
class ThirdPartyIT {
    @TempDir
    Path dir;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private Undertow service;
    private Homeserver hs;
    private String token;

    @BeforeEach
    void start() {
        service = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(ex -> {
            seen.add(ex.getRequestPath() + "?" + ex.getQueryString());
            String p = ex.getRequestPath();
            String body = p.endsWith("/protocol/irc")
                    ? "{\"user_fields\":[\"nick\"],\"instances\":[{\"network_id\":\"lib\"}]}"
                    : p.contains("/thirdparty/") ? "[{\"protocol\":\"irc\",\"userid\":\"@irc_bob:localhost\","
                    + "\"alias\":\"#irc_a:localhost\",\"fields\":{\"nick\":\"bob\"}}]" : "{}";
            ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            ex.getResponseSender().send(body);
        }).build();
        service.start();
        int port = ((InetSocketAddress) service.getListenerInfo().get(0).getAddress()).getPort();
        hs = TestServers.start(dir);
        hs.registerAppService(Registration.builder().id("irc").url("http://127.0.0.1:" + port).asToken("tp-as")
                .hsToken("tp-hs").senderLocalpart("ircbot").protocols(List.of("irc"))
                .namespaces(new Namespaces(List.of(Namespace.exclusive("@irc_.*:localhost")),
                        List.of(Namespace.exclusive("#irc_.*:localhost")), List.of()))
                .build());
        token = HomeserverClient.anonymous(hs.baseUrl()).registerUser("alice", "password1").accessToken();
    }

    @AfterEach
    void stop() {
        hs.close();
        service.stop();
    }

    private TestServers.Answer get(String path) throws Exception {
        return TestServers.call("GET", hs.baseUrl() + "/_matrix/client/v3/thirdparty" + path, token, (String) null);
    }

    @Test
    void lookups_forwardAndReverse_answeredByTheService() throws Exception {
        TestServers.Answer protocol = get("/protocol/irc");
        assertEquals(200, protocol.status(), protocol.body());
        assertEquals("irc|lib", protocol.json().path("instances").get(0).path("instance_id").asText());
        assertEquals("bob", get("/user/irc?nick=bob").json().get(0).path("fields").path("nick").asText());
        assertEquals(1, get("/location/irc?channel=%23a").json().size());
        assertEquals(1, get("/user?userid=%40irc_bob%3Alocalhost").json().size());
        assertEquals(1, get("/location?alias=%23irc_a%3Alocalhost").json().size());
        assertTrue(seen.contains("/_matrix/app/v1/thirdparty/user?userid=%40irc_bob%3Alocalhost&access_token=tp-hs"),
                seen.toString());
        assertTrue(seen.stream().noneMatch(s -> s.contains(token)), "the client's token reached the service");
    }

    @Test
    void reverseLookup_invalidId_400AndOutsideNamespace_empty() throws Exception {
        assertEquals(400, get("/user?userid=not-an-id").status());
        assertEquals(400, get("/location?alias=nope").status());
        assertEquals(0, get("/user?userid=%40carol%3Alocalhost").json().size());
        assertEquals(404, get("/protocol/gopher").status());
    }
}
