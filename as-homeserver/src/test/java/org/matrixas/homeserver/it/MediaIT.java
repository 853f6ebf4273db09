package org.matrixas.homeserver.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.homeserver.config.MediaConfig;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.Media;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.MxcUri;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;

/** The media repository over real HTTP: upload, both download endpoints, limits, IDs and path traversal. */
class MediaIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final byte[] LONG_MESSAGE = ("a long IRC message\n".repeat(2000)).getBytes(StandardCharsets.UTF_8);
    @TempDir
    Path dir;
    private Homeserver hs;
    private HomeserverClient alice;

    @BeforeEach
    void start() {
        hs = Homeserver.start(TestServers.config(dir.resolve("data")).media(new MediaConfig(64 * 1024)).build());
        hs.registerAppService(Registration.builder().id("irc").url(null).asToken("irc-as").hsToken("irc-hs")
                .senderLocalpart("ircbot")
                .namespaces(new Namespaces(List.of(Namespace.exclusive("@irc_.*:localhost")), List.of(), List.of()))
                .build());
        String token = HomeserverClient.anonymous(hs.baseUrl()).registerUser("alice", "password1").accessToken();
        alice = HomeserverClient.create(hs.baseUrl(), token);
    }

    @AfterEach
    void stop() {
        hs.close();
    }

    private HttpResponse<byte[]> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hs.baseUrl() + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void upload_thenDownload_sameBytesTypeAndName() {
        String uri = alice.uploadMedia(LONG_MESSAGE, "text/plain; charset=utf-8", "long message.txt");
        MxcUri mxc = MxcUri.parse(uri);
        assertEquals("localhost", mxc.server());
        Media m = alice.downloadMedia(uri);
        assertArrayEquals(LONG_MESSAGE, m.content());
        assertEquals("text/plain; charset=utf-8", m.contentType());
        assertEquals(Optional.of("long message.txt"), m.fileName());
        Media anonymous = HomeserverClient.anonymous(hs.baseUrl()).downloadMedia(uri);
        assertArrayEquals(LONG_MESSAGE, anonymous.content());
        assertTrue(Files.isRegularFile(dir.resolve("data/media").resolve(mxc.mediaId())));
    }

    @Test
    void upload_byAppServiceAsNamespaceUser_identityAssertionWorks() throws Exception {
        HomeserverClient bridge = HomeserverClient.create(hs.baseUrl(), "irc-as");
        UserId puppet = bridge.registerAppServiceUser("irc_bob");
        String uri = bridge.as(puppet).uploadMedia(LONG_MESSAGE, "text/plain", "bob.txt");
        assertArrayEquals(LONG_MESSAGE, bridge.downloadMedia(uri).content());
        MatrixException outside = assertThrows(MatrixException.class,
                () -> bridge.as(UserId.parse("@alice:localhost")).uploadMedia(new byte[] {1}, "text/plain", null));
        assertEquals(403, outside.httpStatus());
        String meta = Files.readString(dir.resolve("data/media").resolve(MxcUri.parse(uri).mediaId() + ".json"));
        assertTrue(meta.contains("@irc_bob:localhost"), meta);
    }

    @Test
    void download_pathFileNameAndHeaders_setForSafety() throws Exception {
        String uri = alice.uploadMedia("<script>".getBytes(StandardCharsets.UTF_8), "text/html", null);
        HttpResponse<byte[]> r = get("/_matrix/media/v3/download/localhost/" + MxcUri.parse(uri).mediaId()
                + "/page.html", null);
        assertEquals(200, r.statusCode());
        assertEquals("attachment; filename*=utf-8''page.html", r.headers().firstValue("Content-Disposition").get());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").get());
        assertTrue(r.headers().firstValue("Content-Security-Policy").get().startsWith("sandbox"));
    }

    @Test
    void upload_tooLargeOrWithoutToken_refused() throws Exception {
        MatrixException big = assertThrows(MatrixException.class,
                () -> alice.uploadMedia(new byte[64 * 1024 + 1], "application/octet-stream", null));
        assertEquals(413, big.httpStatus());
        assertEquals("M_TOO_LARGE", big.errcode());
        MatrixException anonymous = assertThrows(MatrixException.class,
                () -> HomeserverClient.anonymous(hs.baseUrl()).uploadMedia(new byte[1], "text/plain", null));
        assertEquals("M_MISSING_TOKEN", anonymous.errcode());
        assertEquals(64 * 1024, alice.get("/_matrix/media/v3/config").path("m.upload.size").asInt());
        assertEquals(64 * 1024, alice.get("/_matrix/client/v1/media/config").path("m.upload.size").asInt());
    }

    @Test
    void download_unknownOrRemoteMedia_404AndAuthenticatedNeedsToken() throws Exception {
        MatrixException unknown = assertThrows(MatrixException.class,
                () -> alice.downloadMedia("mxc://localhost/doesNotExist"));
        assertEquals("M_NOT_FOUND", unknown.errcode());
        assertEquals(404, get("/_matrix/media/v3/download/elsewhere.org/abc", null).statusCode());
        assertEquals(401, get("/_matrix/client/v1/media/download/localhost/abc", null).statusCode());
    }

    @Test
    void download_invalidIdsAndTraversal_400NeverAFile() throws Exception {
        Files.writeString(dir.resolve("data/secret.txt"), "secret");
        Files.createDirectories(dir.resolve("data/media"));
        for (String path : List.of("/_matrix/media/v3/download/localhost/..%2Fsecret.txt",
                "/_matrix/media/v3/download/localhost/..%2F..%2Fdata%2Fsecret.txt",
                "/_matrix/media/v3/download/localhost/%2E%2E",
                "/_matrix/media/v3/download/localhost/a.b",
                "/_matrix/media/v3/download/bad%20server/abc",
                "/_matrix/media/v3/download/localhost/..%5Csecret.txt")) {
            HttpResponse<byte[]> r = get(path, null);
            assertEquals(400, r.statusCode(), path);
            assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("secret\""), path);
        }
        for (String raw : List.of("/_matrix/media/v3/download/localhost/../../secret.txt",
                "/_matrix/media/v3/download/localhost/../secret.txt",
                "/_matrix/media/v3/download/../secret.txt")) {
            String answer = rawGet(raw);
            assertFalse(answer.startsWith("HTTP/1.1 200"), raw + " -> " + answer);
            assertFalse(answer.contains("\nsecret"), raw);
        }
    }

    /** A request line sent as is, so no client normalises the dots away; returns the whole answer. */
    private String rawGet(String path) throws Exception {
        URI base = URI.create(hs.baseUrl());
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            StringBuilder sb = new StringBuilder();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                sb.append(line).append('\n');
            }
            return sb.toString();
        }
    }
}
