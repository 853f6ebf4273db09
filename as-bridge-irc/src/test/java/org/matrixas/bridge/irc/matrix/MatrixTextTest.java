package org.matrixas.bridge.irc.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.matrixas.bridge.irc.irc.IrcMessage;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

class MatrixTextTest {
    private static final Function<UserId, String> NICKS = u -> u.localpart().equals("irc_bob") ? "Bob" : "alice[m]";

    @Test
    void toIrc_plainBody_asIs() {
        assertEquals(Optional.of("hello"), MatrixText.toIrc(Json.object().put("body", "hello"), NICKS));
    }

    @Test
    void toIrc_html_convertedNotBody() {
        ObjectNode c = Json.object().put("body", "**hi**").put("format", "org.matrix.custom.html")
                .put("formatted_body", "<strong>hi</strong> <img src=x>");
        assertEquals(Optional.of("\u0002hi\u0002"), MatrixText.toIrc(c, NICKS));
    }

    @Test
    void toIrc_reply_prefixedWithNickFallbackStripped() {
        ObjectNode c = Json.object().put("body", "> <@irc_bob:hs.org> what time?\n> second line\n\nnoon");
        c.putObject("m.relates_to").putObject("m.in_reply_to").put("event_id", "$e");
        assertEquals(Optional.of("Bob: noon"), MatrixText.toIrc(c, NICKS));
    }

    @Test
    void toIrc_htmlReply_mxReplyDropped() {
        ObjectNode c = Json.object().put("body", "> <@irc_bob:hs.org> what time?\n\n*noon*")
                .put("format", "org.matrix.custom.html")
                .put("formatted_body", "<mx-reply><blockquote>what time?</blockquote></mx-reply><em>noon</em>");
        c.putObject("m.relates_to").putObject("m.in_reply_to").put("event_id", "$e");
        assertEquals(Optional.of("Bob: \u001Dnoon\u001D"), MatrixText.toIrc(c, NICKS));
    }

    @Test
    void toIrc_edit_sentAsStarNewText() {
        ObjectNode c = Json.object().put("body", "* fixed");
        c.putObject("m.new_content").put("msgtype", "m.text").put("body", "fixed");
        c.putObject("m.relates_to").put("rel_type", "m.replace").put("event_id", "$e");
        assertEquals(Optional.of("* fixed"), MatrixText.toIrc(c, NICKS));
    }

    @Test
    void toIrc_noBody_empty() {
        assertEquals(Optional.empty(), MatrixText.toIrc(Json.object().put("msgtype", "m.text"), NICKS));
    }

    @Test
    void content_ircFormatting_givesPlainBodyAndEscapedHtml() {
        IrcMessage m = new IrcMessage(new ChannelRef("irc.example.org", "#c"), "Bob", "\u0002<b>hi</b>\u0002",
                java.time.Instant.EPOCH, IrcMessage.Kind.MESSAGE);
        ObjectNode c = IrcToMatrix.content(m);
        assertEquals("<b>hi</b>", c.get("body").asText());
        assertEquals("org.matrix.custom.html", c.get("format").asText());
        assertEquals("<b>&lt;b&gt;hi&lt;/b&gt;</b>", c.get("formatted_body").asText());
    }

    @Test
    void downloadUrl_mxc_mapsToMediaDownload() {
        assertEquals("http://hs:8008/_matrix/media/v3/download/hs.org/abc",
                LongMessages.downloadUrl("http://hs:8008/", "mxc://hs.org/abc"));
    }
}
