package org.matrixas.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestBridge;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcTestClient;

/**
 * Bad input through the bridge. IRC side: over-long lines, invalid UTF-8, control characters, odd nicks, a flood of
 * JOIN/PART/NICK: bridged or dropped, never a crash, never HTML into Matrix. Matrix side: CR, LF, NUL, IRC control
 * codes, huge messages: never a second IRC command, never a line lost beyond the split rules.
 */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, channels = {"#in", "#other"})
class BridgeInputIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ALIAS = "#irc.example.org/#in:localhost";

    @Test
    void hostileIrcInput_bridgedOrDropped_noCrash_noHtml(TestHomeserver hs, TestIrc irc, TestBridge bridge) {
        int flood = Rel.count("irc.flood", 200, 2000);
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join(ALIAS);
        IrcTestClient bob = irc.connect("Bob");
        bob.join("#in");
        bob.awaitMember("#in", "MatrixBridge", WAIT);
        List<String> lines = List.of(
                "<b>bold</b><script>alert(1)</script>&amp;<img src=x onerror=alert(2)>",
                "\u0002bold\u0002 \u0003" + "4,1red\u0003 \u001Funder\u001F \u000Freset \u0016rev",
                "ctcp-ish \u0001VERSION\u0001 inside",
                "tab\there bell\u0007 esc\u001B[31m",
                "L".repeat(480));
        for (String l : lines) {
            bob.privmsg("#in", l);
        }
        // Invalid UTF-8 and an over-long raw line (beyond 512 bytes).
        bob.sendRawBytes(concat("PRIVMSG #in :bad utf8 ".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, ' ', 'e', 'n', 'd', '\r', '\n'}));
        bob.sendRaw("PRIVMSG #in :" + "O".repeat(1500));
        // Odd nicks speak.
        List<String> nicks = List.of("a[b]", "x|y", "^_^", "{}`", "Nick\\", "z-_9");
        List<IrcTestClient> odd = new ArrayList<>();
        for (String n : nicks) {
            IrcTestClient c = irc.connect(n);
            c.join("#in");
            c.privmsg("#in", "I am " + n);
            odd.add(c);
        }
        // A flood of JOIN/PART/NICK.
        IrcTestClient flooder = irc.connect("Flood");
        for (int i = 0; i < flood; i++) {
            flooder.sendRaw("JOIN #in");
            flooder.sendRaw("PART #in :bye");
            flooder.sendRaw("NICK Flood" + (i % 2));
            flooder.sendRaw("JOIN #flood" + (i % 7));
        }
        flooder.sendRaw("JOIN #in");
        flooder.privmsg("#in", "flood over");
        bob.privmsg("#in", "marker");
        alice.awaitText(room, "marker", WAIT);
        alice.awaitText(room, "flood over", WAIT);
        for (String n : nicks) {
            alice.awaitText(room, "I am " + n, WAIT);
        }
        List<String> problems = new ArrayList<>();
        int bridged = 0;
        for (ClientEvent e : alice.events(room)) {
            if (!e.type().equals("m.room.message")) {
                continue;
            }
            bridged++;
            String formatted = e.contentString("formatted_body").orElse("");
            // The bridge may emit its own formatting tags (from IRC codes); any other '<' came from the IRC text.
            String withoutOwnTags = formatted.replaceAll(
                    "</?(b|i|u|s|del|strike|code)>|<font( data-mx-(bg-)?color=\"#[0-9a-fA-F]{6}\")*>|</font>", "");
            if (withoutOwnTags.contains("<") || withoutOwnTags.contains(">")) {
                problems.add("HTML injected into formatted_body: " + formatted);
            }
        }
        for (String l : lines.subList(0, 1)) {
            ClientEvent e = alice.awaitText(room, l, WAIT);
            assertTrue(e.contentString("formatted_body").isEmpty()
                    || !e.contentString("formatted_body").get().contains("<script"), "no HTML: " + e.content());
        }
        assertTrue(bridge.bridge().isHealthy(), "the bridge is healthy after hostile IRC input");
        assertEquals(List.of(), problems);
        Rel.figure("BridgeInputIT IRC side: " + lines.size() + " hostile lines + invalid UTF-8 + a 1500-byte raw line + "
                + nicks.size() + " odd nicks + a flood of " + (flood * 4) + " JOIN/PART/NICK: " + bridged
                + " messages bridged, no HTML in formatted_body, bridge healthy");
    }

    @Test
    void hostileMatrixInput_neverASecondIrcCommand_noLineLost(TestHomeserver hs, TestIrc irc, TestBridge bridge) {
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join(ALIAS);
        IrcTestClient bob = irc.connect("Bob");
        bob.join("#in");
        bob.join("#other");
        bob.awaitMember("#in", "MatrixBridge", WAIT);
        List<String> bodies = List.of(
                "one\r\nPRIVMSG #other :pwned-crlf",
                "two\nQUIT :pwned-quit",
                "three\rJOIN #pwned",
                "four\u0000PRIVMSG #other :pwned-nul",
                "five\u0001ACTION pwned\u0001",
                "six\u2028PRIVMSG #other :pwned-ls",
                "\u0003" + "4colour\u0002bold\u000F",
                "a\nb\n\nc");
        for (String b : bodies) {
            alice.sendText(room, b);
        }
        // KICL paces a puppet's lines, so the long profile's 20 000 characters take about a minute to say.
        String huge = "H".repeat(Rel.count("matrix.huge", 1500, 20_000));
        alice.sendText(room, huge);
        alice.sendText(room, "end-marker");
        bob.awaitPrivmsg("#in", "end-marker"::equals, Duration.ofSeconds(180));
        List<String> fromAlice = bob.received().stream().filter(l -> l.startsWith(":alice[m]")).toList();
        List<String> problems = new ArrayList<>();
        for (String l : fromAlice) {
            String[] w = l.trim().split(" ", 4);
            boolean ownJoin = w.length >= 3 && w[1].equals("JOIN") && w[2].replace(":", "").equals("#in");
            if (!(w.length >= 3 && w[1].equals("PRIVMSG") && w[2].equals("#in")) && !ownJoin) {
                problems.add("a command other than PRIVMSG #in: " + l);
            }
        }
        if (bob.received().stream().map(l -> l.trim().split(" ", 4)).anyMatch(w -> w.length >= 3
                && (w[1].equals("PRIVMSG") || w[1].equals("NOTICE")) && w[2].equals("#other"))) {
            problems.add("something reached #other");
        }
        // Split rules: each line of the body becomes its own PRIVMSG, NUL/CR/LF/0x01 removed, blank lines dropped.
        List<String> texts = fromAlice.stream().map(l -> l.substring(l.indexOf(" PRIVMSG #in :") + 14)).toList();
        for (String expected : List.of("one", "PRIVMSG #other :pwned-crlf", "two", "QUIT :pwned-quit", "three",
                "JOIN #pwned", "fourPRIVMSG #other :pwned-nul", "fiveACTION pwned", "six", "PRIVMSG #other :pwned-ls",
                "a", "b", "c")) {
            if (!texts.contains(expected)) {
                problems.add("line lost: '" + expected + "'");
            }
        }
        String joinedHuge = String.join("", texts.stream().filter(t -> t.startsWith("H")).toList());
        // Beyond networks[].max_lines the split rules send one line with a link to the whole text as a file.
        java.util.Optional<String> link = texts.stream().filter(t -> t.startsWith("H") && t.contains("(full message: "))
                .findFirst().map(t -> t.substring(t.indexOf("(full message: ") + 15, t.length() - 1));
        if (link.isPresent()) {
            joinedHuge = download(link.get());
        }
        if (!joinedHuge.equals(huge)) {
            problems.add("the " + huge.length() + "-character line arrived as " + joinedHuge.length() + " characters in "
                    + texts.stream().filter(t -> t.startsWith("H")).count() + " PRIVMSGs");
        }
        Rel.figure("BridgeInputIT Matrix side: " + (bodies.size() + 1) + " hostile bodies -> " + fromAlice.size()
                + " IRC lines from alice[m]; problems: " + problems);
        assertEquals(List.of(), problems);
    }

    private static String download(String url) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            return "download of " + url + " failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
