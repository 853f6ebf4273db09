package org.matrixas.bridge.irc.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlToIrcTest {

    @Test
    void convert_allowedTags_becomeIrcCodes() {
        assertEquals("\u0002b\u0002 \u0002s\u0002 \u001Di\u001D \u001De\u001D \u001Fu\u001F \u0011c\u0011",
                HtmlToIrc.convert("<b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u> <code>c</code>"));
    }

    @Test
    void convert_link_appendsHref() {
        assertEquals("see docs (https://example.org/a?b=1&c=2)",
                HtmlToIrc.convert("see <a href=\"https://example.org/a?b=1&amp;c=2\">docs</a>"));
    }

    @Test
    void convert_linkWhoseTextIsItsHref_notRepeated() {
        assertEquals("https://example.org", HtmlToIrc.convert("<a href='https://example.org'>https://example.org</a>"));
    }

    @Test
    void convert_otherTags_strippedTextKept() {
        assertEquals("big red text", HtmlToIrc.convert("<h1>big</h1> <font color=red>red</font> <span>text</span>")
                .replace("\n", ""));
    }

    @Test
    void convert_scriptStyleAndReplyFallback_droppedWithContent() {
        assertEquals("hi", HtmlToIrc.convert("<mx-reply><blockquote>quoted <b>x</b></blockquote></mx-reply>"
                + "<script>evil()</script><style>p{}</style>hi"));
    }

    @Test
    void convert_lineBreaksAndBlocks_becomeNewLines() {
        assertEquals("a\nb\nc", HtmlToIrc.convert("a<br>b<br/><p>c</p>"));
    }

    @Test
    void convert_entities_decoded() {
        assertEquals("<tag> & \"q\" ' é 😀", HtmlToIrc.convert("&lt;tag&gt; &amp; &quot;q&quot; &#39; &#233; &#x1F600;"));
    }

    @Test
    void convert_injectionAttempt_cannotBecomeSecondIrcCommand() {
        String irc = HtmlToIrc.convert("hi&#13;&#10;QUIT :bye<br>PRIVMSG #x :&#1;VERSION&#1;");
        List<String> lines = IrcLines.split(irc, 400);
        for (String line : lines) {
            assertFalse(line.contains("\r") || line.contains("\n") || line.contains("\u0001"), line);
        }
        assertEquals(List.of("hi", "QUIT :bye", "PRIVMSG #x :VERSION"), lines);
    }

    @Test
    void convert_unclosedAngleBracket_keptAsText() {
        assertEquals("a < b and c > d", HtmlToIrc.convert("a < b and c > d"));
    }
}
