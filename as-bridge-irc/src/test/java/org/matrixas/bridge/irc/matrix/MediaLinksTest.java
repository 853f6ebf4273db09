package org.matrixas.bridge.irc.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.matrixas.bridge.irc.config.HomeserverConfig;
import org.matrixas.protocol.json.Json;

class MediaLinksTest {
    private static final MediaLinks LINKS = new MediaLinks(HomeserverConfig.of("http://10.0.0.5:8008", "hs.org")
            .withMediaUrl("https://matrix.hs.org/"));

    @Test
    void image_nameSizeAndLinkUnderMediaUrl() {
        ObjectNode c = Json.object().put("msgtype", "m.image").put("body", "cat photo.png")
                .put("url", "mxc://hs.org/abc123");
        c.putObject("info").put("size", 1_234_567).put("mimetype", "image/png");
        assertEquals(Optional.of("(cat photo.png, 1.2 MB) https://matrix.hs.org/_matrix/media/v3/download/hs.org/"
                + "abc123/cat%20photo.png"), LINKS.line(c));
    }

    @Test
    void caption_comesFirst_fileNameInTheLink() {
        ObjectNode c = Json.object().put("msgtype", "m.file").put("body", "the minutes").put("filename", "m.pdf")
                .put("url", "mxc://hs.org/x");
        assertEquals(Optional.of("the minutes (m.pdf) https://matrix.hs.org/_matrix/media/v3/download/hs.org/x/m.pdf"),
                LINKS.line(c));
    }

    @Test
    void withoutMediaUrl_theHomeserverUrl() {
        MediaLinks plain = new MediaLinks(HomeserverConfig.of("http://127.0.0.1:8008", "hs.org"));
        ObjectNode c = Json.object().put("msgtype", "m.audio").put("body", "").put("url", "mxc://hs.org/v");
        assertEquals(Optional.of("(file) http://127.0.0.1:8008/_matrix/media/v3/download/hs.org/v"), plain.line(c));
    }

    @Test
    void encrypted_saysSo_noLink() {
        ObjectNode c = Json.object().put("msgtype", "m.video").put("body", "clip.mp4");
        c.putObject("file").put("url", "mxc://hs.org/enc");
        assertEquals(Optional.of("(clip.mp4, encrypted: open it in a Matrix client)"), LINKS.line(c));
    }

    @Test
    void notAFile_orNoContentUri_empty() {
        assertEquals(Optional.empty(), LINKS.line(Json.object().put("msgtype", "m.text").put("body", "hi")));
        assertEquals(Optional.empty(), LINKS.line(Json.object().put("msgtype", "m.image").put("body", "x.png")));
        assertEquals(Optional.empty(), LINKS.line(Json.object().put("msgtype", "m.image").put("body", "x")
                .put("url", "https://evil.example/x")));
    }

    @Test
    void humanSize_unitsFrom1000() {
        assertEquals("999 B", MediaLinks.humanSize(999));
        assertEquals("1.0 KB", MediaLinks.humanSize(1000));
        assertEquals("2.5 GB", MediaLinks.humanSize(2_500_000_000L));
    }
}
