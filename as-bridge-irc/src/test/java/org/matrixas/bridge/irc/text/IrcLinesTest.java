package org.matrixas.bridge.irc.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IrcLinesTest {

    @Test
    void split_everyLineBreak_givesSeparateLines() {
        assertEquals(List.of("a", "b", "c", "d"), IrcLines.split("a\r\nb\nc\rd"));
    }

    @Test
    void split_injectionAttempt_staysPayload() {
        List<String> lines = IrcLines.split("hi\r\nQUIT :bye\nPRIVMSG #x :evil");
        assertEquals(List.of("hi", "QUIT :bye", "PRIVMSG #x :evil"), lines);
        lines.forEach(l -> assertFalse(l.contains("\r") || l.contains("\n")));
    }

    @Test
    void split_nulAndCtcpDelimiter_removed() {
        assertEquals(List.of("abc", "VERSION"), IrcLines.split("a\0b\0c\n\u0001VERSION\u0001"));
    }

    @Test
    void split_blankLines_dropped() {
        assertEquals(List.of("a", "b"), IrcLines.split("a\n\n  \r\n\0\nb\n"));
        assertEquals(List.of(), IrcLines.split(null));
    }

    @Test
    void split_unicodeLineSeparators_split() {
        assertEquals(List.of("a", "b", "c"), IrcLines.split("a\u2028b\u0085c"));
    }

    @Test
    void splitBytes_longLine_cutAtSpacesWithinLimit() {
        String text = "word ".repeat(100).strip();
        List<String> lines = IrcLines.split(text, 50);
        for (String line : lines) {
            assertTrue(IrcLines.bytes(line) <= 50, line);
            assertFalse(line.startsWith(" ") || line.endsWith(" "), line);
        }
        assertEquals(text, String.join(" ", lines));
    }

    @Test
    void splitBytes_multibyteCharacters_neverCutInside() {
        String text = "é😀".repeat(40);
        List<String> lines = IrcLines.split(text, 21);
        for (String line : lines) {
            assertTrue(IrcLines.bytes(line) <= 21, line);
            assertFalse(Character.isHighSurrogate(line.charAt(line.length() - 1)), line);
        }
        assertEquals(text, String.join("", lines));
    }

    @Test
    void payloadLimit_fullRelayedLineFits512() {
        int limit = IrcLines.payloadLimit("alice[m]", "#matrix", false);
        String relayed = ":alice[m]!~matrixuse@" + "h".repeat(63) + " PRIVMSG #matrix :" + "x".repeat(limit) + "\r\n";
        assertTrue(relayed.length() <= 512, relayed.length() + " bytes");
        assertEquals(limit - 9, IrcLines.payloadLimit("alice[m]", "#matrix", true));
    }

    @Test
    void withSuffix_longLine_cutWithEllipsisSuffixWhole() {
        String s = IrcLines.withSuffix("x".repeat(100), " (link)", 30);
        assertEquals(30, IrcLines.bytes(s));
        assertTrue(s.endsWith("… (link)"), s);
        assertEquals("short (link)", IrcLines.withSuffix("short", " (link)", 30));
    }
}
