package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.SyncResponse;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcTestClient;

/**
 * Private messages both ways, run against each IRC server by a subclass: an IRC user's PRIVMSG to a puppet opens a
 * direct room (reused afterwards); a Matrix user inviting a virtual user gets a PM room that talks PRIVMSG.
 */
abstract class PrivateMessageFlows {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ALIAS = "#irc.example.org/#pm:localhost";
    private static final UserId BOB = UserId.parse("@irc.example.org/_bob:localhost");
    private static final UserId DAVE = UserId.parse("@irc.example.org/_dave:localhost");

    @Test
    void ircUserMessagesPuppet_directRoomCreatedOnceAndRepliesGoBack(TestHomeserver hs, TestIrc irc) {
        IrcTestClient bob = irc.connect("Bob");
        bob.join("#pm");
        MatrixClient alice = hs.registerUser("alice");
        RoomId channelRoom = alice.join(ALIAS);
        alice.sendText(channelRoom, "hi all");
        bob.awaitPrivmsg("#pm", "hi all"::equals, WAIT);

        bob.privmsg("alice[m]", "psst");
        RoomId dm = awaitInvite(alice, BOB);
        alice.join(dm.toString());
        assertEquals(BOB, alice.awaitText(dm, "psst", WAIT).sender());

        bob.privmsg("alice[m]", "again");
        assertEquals(BOB, alice.awaitText(dm, "again", WAIT).sender());

        alice.sendText(dm, "secret reply");
        assertEquals("alice[m]", bob.awaitPrivmsg("Bob", "secret reply"::equals, WAIT).fromNick());
        assertTrue(alice.events(channelRoom).stream().noneMatch(e -> "psst".equals(e.contentString("body")
                .orElse(""))), "the PM stays out of the channel room");
    }

    @Test
    void matrixUserInvitesVirtualUser_pmRoomTalksPrivmsgBothWays(TestHomeserver hs, TestIrc irc) {
        IrcTestClient dave = irc.connect("Dave");
        MatrixClient carol = hs.registerUser("carol");
        RoomId room = carol.api().createRoom(new CreateRoomRequest(null, null, null, "trusted_private_chat", null,
                null, null, null, null, null).withInvite(java.util.List.of(DAVE.toString()), true));
        carol.awaitEvent(room, e -> "m.room.member".equals(e.type()) && DAVE.toString().equals(e.stateKey())
                && "join".equals(e.contentString("membership").orElse("")), WAIT);

        carol.sendText(room, "hello dave");
        assertEquals("carol[m]", dave.awaitPrivmsg("Dave", "hello dave"::equals, WAIT).fromNick());

        dave.privmsg("carol[m]", "hello carol");
        assertEquals(DAVE, carol.awaitText(room, "hello carol", WAIT).sender());
    }

    /** Syncs until {@code user} has an invite from {@code from} marked direct; returns the room. */
    private static RoomId awaitInvite(MatrixClient user, UserId from) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String since = null;
        while (System.nanoTime() - deadline < 0) {
            SyncResponse r = user.api().sync(since, Duration.ofSeconds(2));
            since = r.nextBatch();
            for (Map.Entry<RoomId, ObjectNode> invite : r.invited().entrySet()) {
                for (JsonNode ev : invite.getValue().path("invite_state").path("events")) {
                    if ("m.room.member".equals(ev.path("type").asText())
                            && user.userId().toString().equals(ev.path("state_key").asText())
                            && from.toString().equals(ev.path("sender").asText())) {
                        assertTrue(ev.path("content").path("is_direct").asBoolean(), ev.toString());
                        return invite.getKey();
                    }
                }
            }
        }
        throw new AssertionError("no invite from " + from + " for " + user.userId() + " within " + WAIT);
    }
}
