package org.matrixas.bridge.irc.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.matrixas.bridge.irc.irc.IrcMessage;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

class MatrixTextTest {
    /** irc_bob is a virtual user (nick Bob), alice has a puppet (alice[m]), carol has neither. */
    private static final MatrixText.Users NICKS = new MatrixText.Users() {
        @Override
        public Optional<String> ircNick(UserId user) {
            return switch (user.localpart()) {
                case "irc_bob" -> Optional.of("Bob");
                case "alice" -> Optional.of("alice[m]");
                default -> Optional.empty();
            };
        }

        @Override
        public Optional<String> displayName(UserId user) {
            return switch (user.localpart()) {
                case "irc_bob" -> Optional.of("Bob");
                case "alice" -> Optional.of("Alice Liddell");
                default -> Optional.of("Carol C");
            };
        }
    };

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
    void toIrc_replyToUserWithoutNick_prefixedWithLocalpart() {
        ObjectNode c = Json.object().put("body", "> <@carol:hs.org> hi\n\nhello");
        c.putObject("m.relates_to").putObject("m.in_reply_to").put("event_id", "$e");
        assertEquals(Optional.of("carol: hello"), MatrixText.toIrc(c, NICKS));
    }

    @Test
    void toIrc_editOfHtmlReply_newContentOnlyNoFallback() {
        ObjectNode c = Json.object().put("body", " * > <@irc_bob:hs.org> q\n\nnew");
        c.putObject("m.new_content").put("msgtype", "m.text").put("body", "**new**")
                .put("format", "org.matrix.custom.html").put("formatted_body", "<b>new</b>");
        c.putObject("m.relates_to").put("rel_type", "m.replace").put("event_id", "$e");
        assertEquals(Optional.of("* \u0002new\u0002"), MatrixText.toIrc(c, NICKS));
    }

    @Test
    void toIrc_pills_becomeIrcNicksOrTheirText() {
        ObjectNode c = Json.object().put("body", "Bob: Alice Liddell and Carol C").put("format",
                "org.matrix.custom.html").put("formatted_body", "<a href=\"https://matrix.to/#/@irc_bob:hs.org\">Bob"
                + "</a>: <a href=\"https://matrix.to/#/%40alice%3Ahs.org?via=hs.org\">Alice Liddell</a> and "
                + "<a href=\"https://matrix.to/#/@carol:hs.org\">Carol C</a>");
        assertEquals(Optional.of("Bob: alice[m] and Carol C"), MatrixText.toIrc(c, NICKS));
    }

    @Test
    void toIrc_plainBodyMentions_displayNamesBecomeNicks() {
        ObjectNode c = Json.object().put("body", "Alice Liddell: ask Carol C");
        c.putObject("m.mentions").putArray("user_ids").add("@alice:hs.org").add("@carol:hs.org").add("bad");
        assertEquals(Optional.of("alice[m]: ask Carol C"), MatrixText.toIrc(c, NICKS));
        ObjectNode unmentioned = Json.object().put("body", "Alice Liddell: hi");
        assertEquals(Optional.of("Alice Liddell: hi"), MatrixText.toIrc(unmentioned, NICKS));
    }

    @Test
    void withMentions_puppetNickInIrcLine_pillAndMentionsList() {
        IrcMessage m = new IrcMessage(new ChannelRef("irc.example.org", "#c"), "Bob", "alice[m]: hi <you>",
                java.time.Instant.EPOCH, IrcMessage.Kind.MESSAGE);
        ObjectNode c = IrcToMatrix.withMentions(IrcToMatrix.content(m), m.text(),
                nick -> nick.equals("alice[m]") ? Optional.of(UserId.parse("@alice:hs.org")) : Optional.empty());
        assertEquals("alice[m]: hi <you>", c.get("body").asText());
        assertEquals("<a href=\"https://matrix.to/#/@alice:hs.org\">alice[m]</a>: hi &lt;you&gt;",
                c.get("formatted_body").asText());
        assertEquals("@alice:hs.org", c.path("m.mentions").path("user_ids").get(0).asText());
        ObjectNode none = IrcToMatrix.withMentions(IrcToMatrix.content(m), m.text(), nick -> Optional.empty());
        assertEquals(false, none.has("m.mentions"));
        assertEquals(false, none.has("formatted_body"));
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
