package org.matrixas.protocol.appservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.client.AppServiceClient;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

class AppServiceEndpointIT {
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger pings = new AtomicInteger();
    private AppServiceServer server;
    private AppServiceClient client;
    private final HttpClient raw = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        AppService service = new AppService() {
            @Override
            public void onTransaction(String txnId, Transaction transaction) {
                transaction.events().forEach(e -> seen.add(txnId + ":" + e.eventId()));
            }

            @Override
            public boolean onUserQuery(UserId userId) {
                return userId.localpart().startsWith("irc_");
            }

            @Override
            public boolean onAliasQuery(RoomAlias alias) {
                return alias.localpart().startsWith("irc_");
            }

            @Override
            public void onPing(String transactionId) {
                pings.incrementAndGet();
            }
        };
        server = AppServiceServer.builder().port(0)
                .endpoint(AppServiceEndpoint.builder().hsToken("secret").service(service).build())
                .route("/health", ex -> ex.getResponseSender().send("ok"))
                .build().start();
        client = AppServiceClient.builder().baseUrl(base()).hsToken("secret").build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static Transaction txn(String... eventIds) {
        return Transaction.of(java.util.Arrays.stream(eventIds).map(id -> ClientEvent.of(EventId.parse(id),
                "m.room.message", UserId.parse("@alice:hs"), RoomId.parse("!r:hs"), 1L,
                Json.object().put("body", "x"), null)).toList());
    }

    @Test
    void pushTransaction_sameTxnIdTwice_processedOnce() {
        client.pushTransaction("1", txn("$a", "$b"));
        client.pushTransaction("1", txn("$a", "$b"));
        client.pushTransaction("2", txn("$c"));
        assertEquals(List.of("1:$a", "1:$b", "2:$c"), seen);
        assertFalse(client.usesLegacyPaths());
    }

    @Test
    void queries_answerByService() {
        assertTrue(client.queryUser(UserId.parse("@irc_bob:hs"), Duration.ofSeconds(5)));
        assertFalse(client.queryUser(UserId.parse("@other:hs"), Duration.ofSeconds(5)));
        assertTrue(client.queryAlias(RoomAlias.parse("#irc_x:hs"), Duration.ofSeconds(5)));
        assertFalse(client.queryAlias(RoomAlias.parse("#y:hs"), Duration.ofSeconds(5)));
    }

    @Test
    void ping_reachesService() {
        client.ping("p1");
        assertEquals(1, pings.get());
    }

    @Test
    void request_missingToken_401_wrongToken_403() throws Exception {
        assertEquals(401, send("PUT", "/_matrix/app/v1/transactions/9", null, "{\"events\":[]}").statusCode());
        assertEquals(403, send("PUT", "/_matrix/app/v1/transactions/9", "Bearer nope", "{\"events\":[]}").statusCode());
        MatrixException e = assertThrows(MatrixException.class, () -> AppServiceClient.builder().baseUrl(base())
                .hsToken("wrong").build().pushTransaction("3", txn("$z")));
        assertEquals("M_FORBIDDEN", e.errcode());
        assertTrue(seen.isEmpty());
    }

    @Test
    void legacyPathAndQueryToken_accepted() throws Exception {
        HttpResponse<String> r = send("PUT", "/transactions/7?access_token=secret", null, Json.writeString(txn("$l")));
        assertEquals(200, r.statusCode());
        assertEquals(List.of("7:$l"), seen);
    }

    @Test
    void badBodies_getMatrixErrors_neverProcessed() throws Exception {
        HttpResponse<String> notJson = send("PUT", "/_matrix/app/v1/transactions/8", "Bearer secret", "{not json");
        assertEquals(400, notJson.statusCode());
        assertTrue(notJson.body().contains("M_NOT_JSON"), notJson.body());
        HttpResponse<String> wrongShape = send("PUT", "/_matrix/app/v1/transactions/8", "Bearer secret", "{\"events\":5}");
        assertEquals(400, wrongShape.statusCode());
        assertTrue(wrongShape.body().contains("M_BAD_JSON"), wrongShape.body());
        HttpResponse<String> badId = send("GET", "/_matrix/app/v1/users/not-an-id", "Bearer secret", null);
        assertEquals(400, badId.statusCode());
        assertTrue(badId.body().contains("M_INVALID_PARAM"), badId.body());
        assertEquals(400, rawStatus("GET /_matrix/app/v1/users/%zz"));
        HttpResponse<String> unknown = send("GET", "/_matrix/app/v1/nothing", "Bearer secret", null);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("M_UNRECOGNIZED"), unknown.body());
        assertTrue(seen.isEmpty());
        assertEquals(200, send("GET", "/health", null, null).statusCode());
    }

    @Test
    void client_serviceWithOnlyLegacyPaths_fallsBackAndRemembers() throws Exception {
        List<String> paths = new CopyOnWriteArrayList<>();
        Undertow legacyOnly = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(ex -> {
            paths.add(ex.getRequestPath());
            if (ex.getRequestPath().startsWith("/transactions/")) {
                ex.getResponseSender().send("{}");
            } else {
                ex.setStatusCode(404);
                ex.getResponseSender().send("<html>not found</html>");
            }
        }).build();
        legacyOnly.start();
        try {
            int port = ((InetSocketAddress) legacyOnly.getListenerInfo().get(0).getAddress()).getPort();
            AppServiceClient c = AppServiceClient.builder().baseUrl("http://127.0.0.1:" + port).hsToken("t").build();
            c.pushTransaction("1", txn("$a"));
            c.pushTransaction("2", txn("$b"));
            assertTrue(c.usesLegacyPaths());
            assertEquals(List.of("/_matrix/app/v1/transactions/1", "/transactions/1", "/transactions/2"), paths);
        } finally {
            legacyOnly.stop();
        }
    }

    @Test
    void client_unreachableService_throws502() {
        server.close();
        AppServiceClient c = AppServiceClient.builder().baseUrl("http://127.0.0.1:1").hsToken("t")
                .connectTimeout(Duration.ofSeconds(2)).build();
        MatrixException e = assertThrows(MatrixException.class, () -> c.pushTransaction("1", txn("$a")));
        assertEquals(502, e.httpStatus());
    }

    /** A request java.net.URI refuses to build (a malformed escape), written to a socket by hand. */
    private int rawStatus(String requestLine) throws Exception {
        URI base = URI.create(base());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer secret\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private String rawGet(String path) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer secret\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> send(String method, String path, String auth, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return raw.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
