package org.matrixas.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;

class AppServiceClientIT {
    private StubServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private AppServiceClient client(StubServer s) {
        return AppServiceClient.builder().baseUrl(s.url()).hsToken("hs-secret")
                .requestTimeout(Duration.ofMillis(500)).build();
    }

    private AppServiceClient thirdPartyService() {
        server = new StubServer(ex -> {
            String path = ex.getRequestPath();
            if (path.endsWith("/thirdparty/protocol/irc")) {
                return StubServer.Answer.json(200, "{\"user_fields\":[\"nick\"],\"instances\":[{\"network_id\":\"n\"}]}");
            }
            if (path.endsWith("/thirdparty/protocol/nope")) {
                return StubServer.Answer.json(404, "{\"errcode\":\"M_NOT_FOUND\",\"error\":\"no such protocol\"}");
            }
            if (path.endsWith("/thirdparty/protocol/list")) {
                return StubServer.Answer.json(200, "[]");
            }
            if (path.contains("/thirdparty/user") || path.contains("/thirdparty/location")) {
                return StubServer.Answer.json(200, "[{\"protocol\":\"irc\",\"fields\":{}}]");
            }
            return StubServer.Answer.json(404, "{\"errcode\":\"M_UNRECOGNIZED\",\"error\":\"?\"}");
        });
        return client(server);
    }

    @Test
    void thirdPartyProtocol_known_objectFromV1PathWithToken() {
        AppServiceClient c = thirdPartyService();
        assertEquals("nick", c.thirdPartyProtocol("irc").path("user_fields").get(0).asText());
        assertEquals("GET /_matrix/app/v1/thirdparty/protocol/irc?access_token=hs-secret", server.requests.get(0));
        assertEquals("Bearer hs-secret", server.authorizations.get(0));
    }

    @Test
    void thirdPartyProtocol_unknownOrNotAnObject_serviceErrorOr502() {
        AppServiceClient c = thirdPartyService();
        MatrixException unknown = assertThrows(MatrixException.class, () -> c.thirdPartyProtocol("nope"));
        assertEquals(404, unknown.httpStatus());
        assertEquals("M_NOT_FOUND", unknown.errcode());
        assertFalse(unknown.isTransportFailure());
        MatrixException shape = assertThrows(MatrixException.class, () -> c.thirdPartyProtocol("list"));
        assertEquals(502, shape.httpStatus());
        assertFalse(shape.isTransportFailure());
        assertFalse(c.usesLegacyPaths());
    }

    @Test
    void thirdPartyLookups_fieldsAndReverseQueries_encodedOnTheWire() {
        AppServiceClient c = thirdPartyService();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("network", "irc.example");
        fields.put("channel", "#a b");
        assertEquals(1, c.thirdPartyLocations("irc", fields).size());
        assertEquals(1, c.thirdPartyUsers("irc", Map.of("nick", "bob")).size());
        assertEquals(1, c.thirdPartyUsersFor(UserId.parse("@irc_bob:hs")).size());
        assertEquals(1, c.thirdPartyLocationsFor(RoomAlias.parse("#irc_a:hs")).size());
        assertEquals("GET /_matrix/app/v1/thirdparty/location/irc?network=irc.example&channel=%23a%20b"
                + "&access_token=hs-secret", server.requests.get(0));
        assertEquals("GET /_matrix/app/v1/thirdparty/user/irc?nick=bob&access_token=hs-secret",
                server.requests.get(1));
        assertEquals("GET /_matrix/app/v1/thirdparty/user?userid=%40irc_bob%3Ahs&access_token=hs-secret",
                server.requests.get(2));
        assertEquals("GET /_matrix/app/v1/thirdparty/location?alias=%23irc_a%3Ahs&access_token=hs-secret",
                server.requests.get(3));
    }

    @Test
    void isTransportFailure_refusedConnection_true() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        AppServiceClient c = AppServiceClient.builder().baseUrl("http://127.0.0.1:" + port).hsToken("t").build();
        MatrixException e = assertThrows(MatrixException.class, () -> c.ping(null));
        assertTrue(e.isTransportFailure());
        assertFalse(e.isTimeout());
        assertEquals(502, e.httpStatus());
    }

    @Test
    void isTransportFailure_hungPeer_timeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ServerSocket s = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try (var socket = s.accept()) {
                    release.await(5, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // the test is over
                }
            });
            acceptor.start();
            AppServiceClient c = AppServiceClient.builder().baseUrl("http://127.0.0.1:" + s.getLocalPort())
                    .hsToken("t").requestTimeout(Duration.ofMillis(200)).build();
            MatrixException e = assertThrows(MatrixException.class, () -> c.ping(null));
            release.countDown();
            acceptor.join(5_000);
            assertTrue(e.isTimeout());
            assertEquals(504, e.httpStatus());
        }
    }

    @Test
    void isTransportFailure_peerAnsweredError_false() {
        server = new StubServer(ex -> StubServer.Answer.json(500, "{\"errcode\":\"M_UNKNOWN\",\"error\":\"boom\"}"));
        MatrixException e = assertThrows(MatrixException.class, () -> client(server).ping("t1"));
        assertFalse(e.isTransportFailure());
        assertEquals(500, e.httpStatus());
    }
}
