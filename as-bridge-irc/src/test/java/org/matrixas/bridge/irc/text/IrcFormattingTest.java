package org.matrixas.bridge.irc.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IrcFormattingTest {

    @Test
    void toHtml_plainText_isEmpty() {
        assertEquals(Optional.empty(), IrcFormatting.toHtml("just <text> & stuff"));
    }

    @Test
    void toHtml_boldItalicUnderline_tagsClosedInOrder() {
        assertEquals("<b>bold</b> <i>it</i> <u>under</u>",
                IrcFormatting.toHtml("\u0002bold\u0002 \u001Dit\u001D \u001Funder\u001F").orElseThrow());
    }

    @Test
    void toHtml_overlappingCodes_staysWellNested() {
        assertEquals("<b>a</b><b><i>b</i></b><i>c</i>",
                IrcFormatting.toHtml("\u0002a\u001Db\u0002c\u001D").orElseThrow());
    }

    @Test
    void toHtml_colours_becomeFontWithMatrixColours() {
        assertEquals("<font data-mx-color=\"#ff0000\">red</font> <font data-mx-color=\"#00007f\" "
                + "data-mx-bg-color=\"#ffff00\">blue on yellow</font>",
                IrcFormatting.toHtml("\u000304red\u0003 \u00032,8blue on yellow\u000f").orElseThrow());
    }

    @Test
    void toHtml_colourCodeWithDigitsInText_takesAtMostTwoDigits() {
        assertEquals("<font data-mx-color=\"#ff0000\">5 apples</font>",
                IrcFormatting.toHtml("\u0003045 apples").orElseThrow());
    }

    @Test
    void toHtml_hexColour_used() {
        assertEquals("<font data-mx-color=\"#12abef\">x</font>", IrcFormatting.toHtml("\u000412ABEFx").orElseThrow());
    }

    @Test
    void toHtml_resetClosesEverything() {
        assertEquals("<b><u>x</u></b>y", IrcFormatting.toHtml("\u0002\u001Fx\u000Fy").orElseThrow());
    }

    @Test
    void toHtml_injectionAttempt_isEscaped() {
        String html = IrcFormatting.toHtml("\u0002<script>alert('x')</script> <a href=\"javascript:x\">&amp;")
                .orElseThrow();
        assertEquals("<b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &lt;a href=&quot;javascript:x&quot;&gt;"
                + "&amp;amp;</b>", html);
        assertFalse(html.contains("<script"), html);
    }

    @Test
    void toHtml_fontInjectionThroughColourText_isEscaped() {
        String html = IrcFormatting.toHtml("\u000304\"><img src=x onerror=alert(1)>").orElseThrow();
        assertTrue(html.startsWith("<font data-mx-color=\"#ff0000\">&quot;&gt;&lt;img"), html);
    }

    @Test
    void strip_removesEveryCodeAndItsParameters() {
        assertEquals("bold red hex plain", IrcFormatting.strip(
                "\u0002bold\u0002 \u000304,01red\u0003 \u0004ff0000hex\u0004 \u0016\u001D\u001F\u001E\u0011plain\u000F"));
    }
}
