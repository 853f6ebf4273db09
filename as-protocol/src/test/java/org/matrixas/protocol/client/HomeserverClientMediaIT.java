package org.matrixas.protocol.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.InvalidIdException;
import org.matrixas.protocol.id.UserId;

class HomeserverClientMediaIT {
    private static final byte[] CONTENT = "a long message".getBytes(StandardCharsets.UTF_8);
    private StubServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void downloadMedia_withToken_authenticatedEndpoint() {
        server = new StubServer(ex -> ex.getRequestPath().startsWith("/_matrix/client/v1/media/download/hs/abc")
                ? new StubServer.Answer(200, "text/plain; charset=utf-8", CONTENT, "inline; filename=\"long.txt\"")
                : StubServer.Answer.json(404, "{\"errcode\":\"M_UNRECOGNIZED\",\"error\":\"?\"}"));
        Media m = HomeserverClient.create(server.url(), "as-token").as(UserId.parse("@irc_bob:hs"))
                .downloadMedia("mxc://hs/abc");
        assertArrayEquals(CONTENT, m.content());
        assertEquals("text/plain; charset=utf-8", m.contentType());
        assertEquals(Optional.of("long.txt"), m.fileName());
        assertEquals("GET /_matrix/client/v1/media/download/hs/abc?user_id=%40irc_bob%3Ahs", server.requests.get(0));
        assertEquals("Bearer as-token", server.authorizations.get(0));
    }

    @Test
    void downloadMedia_serverWithoutV1_fallsBackToV3() {
        server = new StubServer(ex -> ex.getRequestPath().startsWith("/_matrix/media/v3/download/hs/abc")
                ? new StubServer.Answer(200, "application/octet-stream", CONTENT, null)
                : new StubServer.Answer(404, "text/html", "<h1>Not Found</h1>".getBytes(StandardCharsets.UTF_8), null));
        Media m = HomeserverClient.create(server.url(), "tok").downloadMedia("mxc://hs/abc");
        assertArrayEquals(CONTENT, m.content());
        assertEquals(Optional.empty(), m.fileName());
        assertEquals(2, server.requests.size());
    }

    @Test
    void downloadMedia_unknownMedia_notFound() {
        server = new StubServer(ex -> StubServer.Answer.json(404, "{\"errcode\":\"M_NOT_FOUND\",\"error\":\"no\"}"));
        MatrixException e = assertThrows(MatrixException.class,
                () -> HomeserverClient.create(server.url(), "tok").downloadMedia("mxc://hs/missing"));
        assertEquals("M_NOT_FOUND", e.errcode());
        assertEquals(1, server.requests.size());
    }

    @Test
    void downloadMedia_invalidUri_refusedBeforeAnyRequest() {
        server = new StubServer(ex -> StubServer.Answer.json(500, "{}"));
        HomeserverClient c = HomeserverClient.create(server.url(), "tok");
        assertThrows(InvalidIdException.class, () -> c.downloadMedia("mxc://hs/../../etc/passwd"));
        assertEquals(0, server.requests.size());
    }

    @Test
    void fileName_dispositionForms_decoded() {
        assertEquals(Optional.of("a b.txt"), ContentDisposition.fileName("attachment; filename*=utf-8''a%20b.txt"));
        assertEquals(Optional.of("x.txt"), ContentDisposition.fileName("inline; filename=\"x.txt\""));
        assertEquals(Optional.of("y"), ContentDisposition.fileName("inline; FILENAME=y"));
        assertEquals(Optional.empty(), ContentDisposition.fileName("inline"));
    }
}
