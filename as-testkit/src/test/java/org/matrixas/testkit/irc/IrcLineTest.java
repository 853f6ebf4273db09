package org.matrixas.testkit.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parser both sides rely on; it must be lenient because the server feeds it arbitrary input. */
class IrcLineTest {

    @Test
    void parse_fullLine_splitsTagsSourceCommandAndTrailing() {
        IrcLine line = IrcLine.parse("@time=2026-01-02T03:04:05.678Z;msg=a\\sb\\:c :nick!u@h privmsg #chan :hi  there");
        assertEquals(Map.of("time", "2026-01-02T03:04:05.678Z", "msg", "a b;c"), line.tags());
        assertEquals("nick", line.nick());
        assertEquals("PRIVMSG", line.command());
        assertEquals(List.of("#chan", "hi  there"), line.params());
        assertEquals("hi  there", line.last());
    }

    @Test
    void parse_extraSpacesAndEmptyTrailing_areTolerated() {
        IrcLine line = IrcLine.parse("CAP  *   LS :");
        assertEquals(List.of("*", "LS", ""), line.params());
        assertEquals("", line.param(7));
    }

    @Test
    void parse_garbage_yieldsEmptyCommandInsteadOfThrowing() {
        for (String raw : List.of("", " ", ":", "@", "@ :", ":only-source")) {
            assertEquals("", IrcLine.parse(raw).command(), raw);
        }
        assertTrue(IrcLine.parse("001 me :hi").isNumeric());
    }

    @Test
    void encode_overlongMultibyteLine_isCutOnCharacterBoundaryWithCrlf() {
        // 13 ASCII bytes, then two-byte characters: byte 510 would split one, so the body stops at 509.
        byte[] bytes = Wire.encode(null, "PRIVMSG #cc :" + "\u00e9".repeat(400));
        assertEquals(511, bytes.length);
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(decoded.endsWith("\u00e9\r\n"), decoded);
    }
}
