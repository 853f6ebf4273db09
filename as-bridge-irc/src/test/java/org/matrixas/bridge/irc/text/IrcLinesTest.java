package org.matrixas.bridge.irc.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
}
