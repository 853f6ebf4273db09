package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.matrixas.testkit.bridge.RoomState.WAIT;
import static org.matrixas.testkit.bridge.RoomState.awaitLevel;
import static org.matrixas.testkit.bridge.RoomState.awaitMembership;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcLine;
import org.matrixas.testkit.irc.IrcTestClient;

/**
 * Membership, topics and kicks both ways, run against each IRC server by a subclass: IRC JOIN, TOPIC, NICK and PART
 * show up as the virtual users' membership and the room topic; leaving the Matrix room parts the user's puppet; a
 * Matrix topic reaches IRC; kicks go both ways, done on IRC by whoever is an operator there. On both servers the
 * channel's first member is its operator.
 */
abstract class MembershipFlows {
    private static final String NET = "irc.example.org";
    private static final String CAROL = "@irc.example.org/_carol:localhost";
    private static final String CAROLINE = "@irc.example.org/_caroline:localhost";
    private static final String BOB = "@irc.example.org/_bob:localhost";
    private static final String EVE = "@irc.example.org/_eve:localhost";

    /** {@link FastBridge} with voice worth 50, so a voiced Matrix user may kick in Matrix without being an IRC op. */
    public static final class VoiceModerates implements UnaryOperator<BridgeConfig> {
        @Override
        public BridgeConfig apply(BridgeConfig c) {
            BridgeConfig fast = new FastBridge().apply(c);
            return fast.withNetworks(fast.networks().stream()
                    .map(n -> n.with(b -> b.modePowerLevels = Map.of("o", 50, "v", 50))).toList());
        }
    }

    private static String alias(String channel) {
        return "#" + NET + "/" + channel + ":localhost";
    }

    @Test
    void membershipAndTopic_bothWays_mirrored(TestHomeserver hs, TestIrc irc) {
        IrcTestClient op = irc.connect("Op");
        op.join("#members");
        op.sendRaw("MODE #members -t");
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join(alias("#members"));
        IrcTestClient carol = irc.connect("Carol");
        carol.join("#members");
        awaitMembership(alice, room, CAROL, "join");

        carol.sendRaw("TOPIC #members :from IRC");
        alice.awaitEvent(room, e -> "m.room.topic".equals(e.type())
                && "from IRC".equals(e.contentString("topic").orElse("")), WAIT);

        carol.nick("Caroline");
        awaitMembership(alice, room, CAROL, "leave");
        awaitMembership(alice, room, CAROLINE, "join");

        alice.sendText(room, "hello");
        carol.awaitPrivmsg("#members", "hello"::equals, WAIT);

        carol.part("#members");
        awaitMembership(alice, room, CAROLINE, "leave");

        carol.join("#members");
        alice.api().leave(room);
        String part = carol.awaitLine("alice[m] parts", l -> "PART".equals(l.command())
                && "alice[m]".equals(l.nick()), WAIT);
        assertEquals("#members", IrcLine.parse(part).param(0));
    }

    @Test
    void topic_fromMatrixUserWhosePuppetIsOp_setOnIrc(TestHomeserver hs, TestIrc irc) {
        IrcTestClient op = irc.connect("Op");
        op.join("#topics");
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join(alias("#topics"));
        alice.sendText(room, "hi");
        op.awaitPrivmsg("#topics", "hi"::equals, WAIT);

        mode(op, "#topics", "+o", "alice[m]");
        awaitLevel(alice, room, alice.userId().toString(), 50);
        alice.api().sendState(room, "m.room.topic", "", Json.object().put("topic", "set in Matrix"), null);
        IrcLine topic = op.awaitParsed("TOPIC from alice[m]", l -> "TOPIC".equals(l.command()), WAIT);
        assertEquals("alice[m]", topic.nick());
        assertEquals("set in Matrix", topic.param(1));
    }

    @Test
    void kicks_bothWays_doneByOpPuppetOrBotElseNotice(TestHomeserver hs, TestIrc irc) {
        IrcTestClient op = irc.connect("Op");
        op.join("#kicks");
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join(alias("#kicks"));
        MatrixClient dan = hs.registerUser("dan");
        dan.join(room.toString());
        IrcTestClient bob = irc.connect("Bob");
        bob.join("#kicks");
        IrcTestClient eve = irc.connect("Eve");
        eve.join("#kicks");
        awaitMembership(alice, room, BOB, "join");
        awaitMembership(alice, room, EVE, "join");
        alice.sendText(room, "hi");
        op.awaitPrivmsg("#kicks", "hi"::equals, WAIT);
        mode(op, "#kicks", "+v", "alice[m]");
        awaitLevel(alice, room, alice.userId().toString(), 50);

        // Neither alice's puppet nor the bot is an operator: IRC is left alone and the room is told.
        alice.api().kick(room, UserId.parse(BOB), "spam");
        alice.awaitMessage(room, e -> "m.notice".equals(e.contentString("msgtype").orElse(""))
                && e.contentString("body").orElse("").startsWith("Could not kick Bob on IRC"), WAIT);

        mode(op, "#kicks", "+o", "MatrixBridge");
        alice.api().kick(room, UserId.parse(EVE), "flood");
        IrcLine byBot = eve.awaitParsed("KICK of Eve", l -> "KICK".equals(l.command()) && "Eve".equals(l.param(1)),
                WAIT);
        assertEquals("MatrixBridge", byBot.nick());
        assertTrue(byBot.param(2).contains(alice.userId().toString()) && byBot.param(2).endsWith("flood"),
                byBot.raw());

        mode(op, "#kicks", "+o", "alice[m]");
        awaitLevel(alice, room, alice.userId().toString(), 50);
        bob.privmsg("#kicks", "back again");
        alice.awaitText(room, "back again", WAIT);
        alice.api().kick(room, UserId.parse(BOB), "spam again");
        IrcLine byPuppet = bob.awaitParsed("KICK of Bob", l -> "KICK".equals(l.command()) && "Bob".equals(l.param(1)),
                WAIT);
        assertEquals("alice[m]", byPuppet.nick());
        assertEquals("spam again", byPuppet.param(2));

        op.sendRaw("KICK #kicks alice[m] :behave");
        ClientEvent kicked = awaitMembership(dan, room, alice.userId().toString(), "leave");
        assertEquals("kicked on IRC by Op: behave", kicked.contentString("reason").orElse(""));
    }

    /** Sets a member mode and waits for the server's echo: the bot has then been sent the change too. */
    static void mode(IrcTestClient op, String channel, String change, String nick) {
        op.sendRaw("MODE " + channel + " " + change + " " + nick);
        op.awaitParsed(change + " " + nick, l -> "MODE".equals(l.command()) && change.equals(l.param(1))
                && nick.equals(l.param(2)), WAIT);
    }
}
