package org.matrixas.homeserver.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.protocol.id.MxcUri;
import org.matrixas.protocol.id.UserId;

class MediaStoreTest {
    @TempDir
    Path dir;

    @Test
    void put_thenGet_sameContentTypeAndName() {
        MediaStore store = new MediaStore(dir.resolve("media"), "hs.test");
        MxcUri uri = store.put(new byte[] {1, 2, 3}, "text/plain; charset=utf-8", Optional.of("a.txt"),
                UserId.parse("@a:hs.test"));
        assertEquals("hs.test", uri.server());
        assertEquals(24, uri.mediaId().length());
        StoredMedia m = store.get(uri.mediaId()).orElseThrow();
        assertArrayEquals(new byte[] {1, 2, 3}, m.content());
        assertEquals("text/plain; charset=utf-8", m.contentType());
        assertEquals(Optional.of("a.txt"), m.fileName());
    }

    @Test
    void put_oddContentType_storedAsOctetStream() {
        MediaStore store = new MediaStore(dir, "hs");
        MxcUri uri = store.put(new byte[0], "not a type\r\nX-Evil: 1", Optional.empty(), UserId.parse("@a:hs"));
        assertEquals("application/octet-stream", store.get(uri.mediaId()).orElseThrow().contentType());
    }

    @Test
    void get_unknownInvalidOrTraversingId_empty() throws Exception {
        Files.writeString(dir.resolve("secret"), "s");
        Files.writeString(dir.resolve("secret.json"), "{}");
        MediaStore store = new MediaStore(dir.resolve("media"), "hs");
        Files.createDirectories(dir.resolve("media"));
        assertTrue(store.get("unknown").isEmpty());
        assertTrue(store.get("../secret").isEmpty());
        assertTrue(store.get("..").isEmpty());
        assertTrue(store.get("").isEmpty());
        assertTrue(store.get("/etc/passwd").isEmpty());
    }
}
