package org.matrixas.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.testkit.Await;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestBridge;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcTestClient;

/**
 * Faults, item 4: the real IRC server (ngircd) is restarted; the bot and every puppet reconnect and rejoin within
 * 30 seconds, and what Matrix users said meanwhile is said after the reconnect or answered with a notice in the
 * room, never dropped silently.
 */
@MatrixTest(irc = IrcMode.NGIRCD, bridge = true, channels = "#r")
class IrcServerRestartIT {
    private static final Duration REJOIN = Duration.ofSeconds(30);

    @Test
    void ngircdRestart_botAndPuppetsRejoinWithin30s_meanwhileMessagesSentOrNoticed(TestHomeserver hs, TestIrc irc,
            TestBridge bridge) {
        int restarts = Rel.count("ircrestart.runs", 1, 5);
        MatrixClient alice = hs.registerUser("alice");
        MatrixClient carol = hs.registerUser("carol");
        RoomId room = alice.join("#irc.example.org/#r:localhost");
        carol.join(room.toString());
        IrcTestClient bob = irc.connect("Bob");
        bob.join("#r");
        alice.sendText(room, "hello");
        carol.sendText(room, "hi");
        bob.awaitPrivmsg("#r", "hello"::equals, REJOIN);
        bob.awaitPrivmsg("#r", "hi"::equals, REJOIN);
        List<String> outcomes = new ArrayList<>();
        for (int run = 0; run < restarts; run++) {
            irc.restart();
            IrcTestClient bob2 = irc.connect("Bob" + run);
            bob2.join("#r");
            List<String> meanwhile = List.of("meanwhile-a" + run, "meanwhile-c" + run);
            alice.sendText(room, meanwhile.get(0));
            carol.sendText(room, meanwhile.get(1));
            bob2.awaitMember("#r", "MatrixBridge", REJOIN);
            bob2.awaitMember("#r", "alice[m]", REJOIN);
            bob2.awaitMember("#r", "carol[m]", REJOIN);
            for (String text : meanwhile) {
                Await.until("'" + text + "' said on IRC after the reconnect or a notice in the room", () ->
                        bob2.received().stream().anyMatch(l -> l.endsWith(":" + text))
                                || alice.events(room).stream().anyMatch(e -> "m.notice".equals(
                                        e.contentString("msgtype").orElse(null))
                                        && e.contentString("body").orElse("").contains(text))
                                || syncFinds(alice, room, text), REJOIN);
                outcomes.add(bob2.received().stream().anyMatch(l -> l.endsWith(":" + text)) ? "sent" : "noticed");
            }
            bob.close();
            bob = bob2;
        }
        assertTrue(bridge.bridge().isHealthy());
        Rel.figure("IrcServerRestartIT: ngircd restarted " + restarts + "x; bot + 2 puppets rejoined within 30 s each "
                + "time; messages sent meanwhile: " + outcomes);
    }

    private static boolean syncFinds(MatrixClient client, RoomId room, String text) {
        try {
            client.awaitMessage(room, e -> "m.notice".equals(e.contentString("msgtype").orElse(null))
                    && e.contentString("body").orElse("").contains(text), Duration.ofMillis(200));
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }
}
