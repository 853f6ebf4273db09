package org.matrixas.testkit.bridge;

import static org.matrixas.testkit.bridge.MembershipFlows.mode;
import static org.matrixas.testkit.bridge.RoomState.WAIT;
import static org.matrixas.testkit.bridge.RoomState.awaitLevel;
import static org.matrixas.testkit.bridge.RoomState.awaitState;

import org.junit.jupiter.api.Test;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.testkit.Await;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcTestClient;

/**
 * IRC channel modes into the room: member modes set power levels (the default {@code o: 50, v: 1}), +i/+k the join
 * rule, +s the directory listing and +m {@code events_default}; modes the channel had before the room existed count.
 */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeConfig = FastBridge.class)
class ModesIT {
    private static final String OP = "@irc.example.org/_op:localhost";
    private static final String VIC = "@irc.example.org/_vic:localhost";
    private static final String CAROL = "@irc.example.org/_carol:localhost";

    @Test
    void modes_beforeAndAfterBridging_mappedOntoRoom(TestHomeserver hs, TestIrc irc) {
        IrcTestClient op = irc.connect("Op");
        op.join("#modes");
        IrcTestClient vic = irc.connect("Vic");
        vic.join("#modes");
        mode(op, "#modes", "+v", "Vic");
        op.sendRaw("MODE #modes +m");
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join("#irc.example.org/#modes:localhost");

        awaitLevel(alice, room, OP, 50);
        awaitLevel(alice, room, VIC, 1);
        awaitState(alice, room, "m.room.power_levels", c -> c.path("events_default").asInt() == 1,
                "+m before bridging: only voiced users talk");
        op.sendRaw("MODE #modes -m");
        awaitState(alice, room, "m.room.power_levels", c -> c.path("events_default").asInt() == 0, "-m");

        IrcTestClient carol = irc.connect("Carol");
        carol.join("#modes");
        mode(op, "#modes", "+v", "Carol");
        awaitLevel(alice, room, CAROL, 1);
        mode(op, "#modes", "+o", "Carol");
        awaitLevel(alice, room, CAROL, 50);
        mode(op, "#modes", "-o", "Carol");
        awaitLevel(alice, room, CAROL, 1);
        mode(op, "#modes", "-v", "Carol");
        awaitLevel(alice, room, CAROL, 0);

        op.sendRaw("MODE #modes +i");
        awaitJoinRule(alice, room, "invite");
        op.sendRaw("MODE #modes +k secret");
        op.sendRaw("MODE #modes -i");
        op.awaitParsed("-i", l -> "MODE".equals(l.command()) && "-i".equals(l.param(1)), WAIT);
        op.sendRaw("MODE #modes -k secret");
        awaitJoinRule(alice, room, "public");
        op.sendRaw("MODE #modes +k secret");
        awaitJoinRule(alice, room, "invite");

        op.sendRaw("MODE #modes +s");
        op.sendRaw("MODE #modes -s");
        Await.until("-s lists the room", () -> alice.api().isRoomPublished(room), WAIT);
        op.sendRaw("MODE #modes +s");
        Await.until("+s unlists the room", () -> !alice.api().isRoomPublished(room), WAIT);
    }

    private static void awaitJoinRule(MatrixClient c, RoomId room, String rule) {
        awaitState(c, room, "m.room.join_rules", j -> rule.equals(j.path("join_rule").asText()), "join rule " + rule);
    }
}
