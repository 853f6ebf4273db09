package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
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

/**
 * Mentions both ways: a Matrix pill to an IRC user's virtual user reaches IRC as the IRC nick; an IRC line that
 * says a puppet's nick reaches Matrix as a pill to the Matrix user, listed in {@code m.mentions}; a Matrix reply
 * reaches IRC as {@code nick: text}.
 */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, channels = "#mention", bridgeConfig = FastBridge.class)
class MentionsIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ALIAS = "#irc.example.org/#mention:localhost";

    @Test
    void mentions_bothWays_nickOnIrcPillOnMatrix(TestHomeserver hs, TestIrc irc) {
        IrcTestClient bob = irc.connect("Bob");
        bob.join("#mention");
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join(ALIAS);
        alice.sendText(room, "hello");
        bob.awaitPrivmsg("#mention", "hello"::equals, WAIT);

        ObjectNode pill = Json.object().put("msgtype", "m.text").put("body", "bob (IRC): ping")
                .put("format", "org.matrix.custom.html").put("formatted_body",
                        "<a href=\"https://matrix.to/#/@irc.example.org/_bob:localhost\">bob (IRC)</a>: ping");
        pill.putObject("m.mentions").putArray("user_ids").add("@irc.example.org/_bob:localhost");
        alice.api().send(room, "m.room.message", pill, null);
        bob.awaitPrivmsg("#mention", "Bob: ping"::equals, WAIT);

        bob.privmsg("#mention", "alice[m]: pong");
        ClientEvent pong = alice.awaitText(room, "alice[m]: pong", WAIT);
        assertEquals("<a href=\"https://matrix.to/#/@alice:localhost\">alice[m]</a>: pong",
                pong.contentString("formatted_body").orElseThrow());
        assertEquals("@alice:localhost", pong.content().path("m.mentions").path("user_ids").get(0).asText());

        ObjectNode reply = Json.object().put("msgtype", "m.text")
                .put("body", "> <@irc.example.org/_bob:localhost> alice[m]: pong\n\nthanks");
        reply.putObject("m.relates_to").putObject("m.in_reply_to").put("event_id", pong.eventId().toString());
        alice.api().send(room, "m.room.message", reply, null);
        bob.awaitPrivmsg("#mention", "Bob: thanks"::equals, WAIT);
    }
}
