package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.json.Json;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcTestClient;
import org.matrixas.testkit.irc.ReceivedMessage;

/**
 * Formatting both ways, edits, and long messages: up to {@code max_lines} (3 by default) IRC lines are sent as
 * lines; a longer message goes as one line with a link to the whole text uploaded to the media repository.
 */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, channels = "#text", bridgeConfig = FastBridge.class)
class TextIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ALIAS = "#irc.example.org/#text:localhost";
    private static final Pattern LINK = Pattern.compile("^line 1 … \\(full message: (http://\\S+)\\)$");

    @Test
    void formatting_bothWays_convertedAndEscaped(TestHomeserver hs, TestIrc irc) {
        IrcTestClient bob = irc.connect("Bob");
        bob.join("#text");
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join(ALIAS);

        bob.privmsg("#text", "\u0002bold\u0002 <script>x</script>");
        ClientEvent e = alice.awaitText(room, "bold <script>x</script>", WAIT);
        assertEquals("org.matrix.custom.html", e.contentString("format").orElseThrow());
        assertEquals("<b>bold</b> &lt;script&gt;x&lt;/script&gt;", e.contentString("formatted_body").orElseThrow());

        ObjectNode html = Json.object().put("msgtype", "m.text").put("body", "**strong** link")
                .put("format", "org.matrix.custom.html")
                .put("formatted_body", "<strong>strong</strong> <a href=\"https://example.org\">link</a><img src=x>");
        alice.api().send(room, "m.room.message", html, null);
        bob.awaitPrivmsg("#text", "\u0002strong\u0002 link (https://example.org)"::equals, WAIT);

        ObjectNode edit = Json.object().put("msgtype", "m.text").put("body", "* fixed");
        edit.putObject("m.new_content").put("msgtype", "m.text").put("body", "fixed");
        edit.putObject("m.relates_to").put("rel_type", "m.replace").put("event_id", "$whatever");
        alice.api().send(room, "m.room.message", edit, null);
        bob.awaitPrivmsg("#text", "* fixed"::equals, WAIT);
    }

    @Test
    void longMessages_beyondMaxLines_sentAsFileLink(TestHomeserver hs, TestIrc irc) throws Exception {
        IrcTestClient bob = irc.connect("Carol");
        bob.join("#text");
        MatrixClient alice = hs.registerUser("dan");
        RoomId room = alice.join(ALIAS);

        alice.sendText(room, "two\nlines");
        bob.awaitPrivmsg("#text", "two"::equals, WAIT);
        bob.awaitPrivmsg("#text", "lines"::equals, WAIT);

        String word = "x".repeat(40) + " ";
        alice.sendText(room, word.repeat(20).strip());   // 820 bytes: three IRC lines at most
        bob.awaitPrivmsg("#text", t -> t.startsWith("xxx") && t.length() > 300, WAIT);

        String full = "line 1\nline 2\nline 3\nline 4";
        alice.sendText(room, full);
        ReceivedMessage m = bob.awaitPrivmsg("#text", t -> t.startsWith("line 1 … (full message:"), WAIT);
        Matcher link = LINK.matcher(m.text());
        assertTrue(link.matches(), m.text());
        assertTrue(link.group(1).startsWith(hs.baseUrl() + "/_matrix/media/v3/download/localhost/"), link.group(1));
        HttpResponse<String> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                link.group(1))).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, download.statusCode());
        assertEquals(full, download.body());
        bob.privmsg("#text", "got it");
        alice.awaitText(room, "got it", WAIT);
        assertTrue(bob.received().stream().noneMatch(l -> l.contains("line 2")), "only the link line is sent");
    }

    @Test
    void files_sentAsNameSizeAndDownloadLink(TestHomeserver hs, TestIrc irc) throws Exception {
        IrcTestClient bob = irc.connect("Erin");
        bob.join("#text");
        MatrixClient alice = hs.registerUser("fay");
        RoomId room = alice.join(ALIAS);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};
        String mxc = alice.api().uploadMedia(png, "image/png", "dot.png");
        ObjectNode image = Json.object().put("msgtype", "m.image").put("body", "a dot").put("filename", "dot.png")
                .put("url", mxc);
        image.putObject("info").put("size", png.length).put("mimetype", "image/png");
        alice.api().send(room, "m.room.message", image, null);

        ReceivedMessage m = bob.awaitPrivmsg("#text", t -> t.startsWith("a dot (dot.png, 12 B) "), WAIT);
        String link = m.text().substring("a dot (dot.png, 12 B) ".length());
        assertTrue(link.startsWith(hs.baseUrl() + "/_matrix/media/v3/download/localhost/") && link.endsWith(
                "/dot.png"), link);
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link))
                .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode(), "IRC users open the link without a Matrix account");
        assertArrayEquals(png, download.body());
        assertEquals("image/png", download.headers().firstValue("Content-Type").orElse(""));
    }
}
