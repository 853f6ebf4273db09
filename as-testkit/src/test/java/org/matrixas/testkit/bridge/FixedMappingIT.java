package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.bridge.irc.config.ChannelMapping;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestBridge;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcTestClient;

/**
 * Fixed mappings: a key-protected channel bridged into two existing rooms, one public and one invite-only. The
 * bot joins the public room at start and the invite-only one once invited; IRC lines and joins reach both rooms,
 * Matrix messages from either reach the channel through a puppet that joins with the key, and the channel's
 * dynamic alias still gives a third room that is bridged too. A Matrix message said on IRC is also copied into the
 * channel's other rooms, as the virtual user of the sender's puppet nick. Channel modes become power levels in a
 * fixed room where the bot has the power, but its join rule stays as its admins set it.
 */
@MatrixTest(irc = IrcMode.IN_PROCESS)
class FixedMappingIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String BOB = "@irc.example.org/_bob:localhost";
    private static final String CAROL = "@irc.example.org/_carol:localhost";
    private static final UserId BOT = UserId.parse("@irc-bridge:localhost");

    @TempDir
    Path dir;

    @Test
    void fixedRooms_keyedChannel_bridgedBothWaysBesideTheDynamicRoom(TestHomeserver hs, TestIrc irc) {
        IrcTestClient bob = irc.connect("Bob");
        bob.join("#fixed");
        bob.sendRaw("MODE #fixed +k sekrit");
        bob.awaitLine("+k set", l -> "MODE".equals(l.command()) && l.raw().contains("+k"), WAIT);
        MatrixClient alice = hs.registerUser("alice");
        RoomId open = alice.api().createRoom(CreateRoomRequest.named("Open").withPreset("public_chat"));
        RoomId closed = alice.api().createRoom(CreateRoomRequest.named("Closed").withPreset("private_chat"));
        NetworkConfig net = NetworkConfig.of("irc.example.org", irc.host(), irc.port()).withMappings(List.of(
                new ChannelMapping("#fixed", List.of(open.toString(), closed.toString()), "sekrit")));

        try (TestBridge bridge = OwnBridge.start(hs, OwnBridge.config(hs, dir, List.of(net)))) {
            bob.awaitMember("#fixed", bridge.config().networks().get(0).botNick(), WAIT);
            awaitMembership(alice, open, BOT.toString(), "join");

            alice.api().invite(closed, BOT);
            awaitMembership(alice, closed, BOT.toString(), "join");

            bob.privmsg("#fixed", "hello rooms");
            assertEquals(BOB, alice.awaitText(open, "hello rooms", WAIT).sender().toString());
            assertEquals(BOB, alice.awaitText(closed, "hello rooms", WAIT).sender().toString());

            IrcTestClient carol = irc.connect("Carol");
            carol.sendRaw("JOIN #fixed sekrit");
            awaitMembership(alice, open, CAROL, "join");
            awaitMembership(alice, closed, CAROL, "join");

            alice.sendText(open, "from the open room");
            bob.awaitPrivmsg("#fixed", "from the open room"::equals, WAIT);
            String alicePuppet = "@irc.example.org/alice=5bm=5d:localhost"; // puppet nick alice[m], escaped
            assertEquals(alicePuppet, alice.awaitText(closed, "from the open room", WAIT).sender().toString(),
                    "copied as the virtual user of alice's puppet nick");
            alice.sendText(closed, "from the closed room");
            bob.awaitPrivmsg("#fixed", "from the closed room"::equals, WAIT);
            assertEquals(alicePuppet, alice.awaitText(open, "from the closed room", WAIT).sender().toString());

            MatrixClient dan = hs.registerUser("dan");
            RoomId dynamic = dan.join("#irc.example.org/#fixed:localhost");
            bob.privmsg("#fixed", "everywhere");
            dan.awaitText(dynamic, "everywhere", WAIT);
            alice.awaitText(open, "everywhere", WAIT);
            alice.awaitText(closed, "everywhere", WAIT);
            dan.sendText(dynamic, "from the alias room");
            bob.awaitPrivmsg("#fixed", "from the alias room"::equals, WAIT);
            alice.awaitText(open, "from the alias room", WAIT);
            alice.awaitText(closed, "from the alias room", WAIT);
            dan.awaitText(dynamic, "from the open room", WAIT);

            bob.privmsg("#fixed", "last");
            alice.awaitText(open, "last", WAIT);
            alice.awaitText(closed, "last", WAIT);
            dan.awaitText(dynamic, "last", WAIT);
            // Copies go into the other rooms only, once each: never back into the room the message came from.
            assertEquals(1, count(alice, open, "from the open room"));
            assertEquals(1, count(alice, closed, "from the open room"));
            assertEquals(1, count(alice, closed, "from the closed room"));
            assertEquals(1, count(dan, dynamic, "from the alias room"));
            assertEquals(1, count(alice, open, "from the alias room"));
        }
    }

    @Test
    void relayMode_messageCopiedIntoTheOtherRoomsAsTheBot(TestHomeserver hs, TestIrc irc) {
        IrcTestClient bob = irc.connect("Bob");
        bob.join("#relayed");
        MatrixClient alice = hs.registerUser("alice");
        RoomId open = alice.api().createRoom(CreateRoomRequest.named("Open").withPreset("public_chat"));
        NetworkConfig net = NetworkConfig.of("irc.example.org", irc.host(), irc.port()).withMappings(List.of(
                new ChannelMapping("#relayed", List.of(open.toString()), null))).with(b -> b.puppets = false);

        try (TestBridge bridge = OwnBridge.start(hs, OwnBridge.config(hs, dir, List.of(net)))) {
            awaitMembership(alice, open, BOT.toString(), "join");
            MatrixClient dan = hs.registerUser("dan");
            RoomId dynamic = dan.join("#irc.example.org/#relayed:localhost");

            alice.sendText(open, "relayed once");
            bob.awaitPrivmsg("#relayed", "<alice> relayed once"::equals, WAIT);
            assertEquals(BOT, dan.awaitText(dynamic, "<alice> relayed once", WAIT).sender());
            dan.sendText(dynamic, "and back");
            bob.awaitPrivmsg("#relayed", "<dan> and back"::equals, WAIT);
            assertEquals(BOT, alice.awaitText(open, "<dan> and back", WAIT).sender());
        }
    }

    @Test
    void channelModes_fixedRoom_powerLevelsOnly_joinRuleLeftToItsAdmins(TestHomeserver hs, TestIrc irc) {
        IrcTestClient op = irc.connect("Op");
        op.join("#fixedmodes");
        IrcTestClient vic = irc.connect("Vic");
        vic.join("#fixedmodes");
        MembershipFlows.mode(op, "#fixedmodes", "+v", "Vic");
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.api().createRoom(CreateRoomRequest.named("Fixed").withPreset("public_chat"));
        ObjectNode levels = alice.api().state(room, "m.room.power_levels", "").orElseThrow();
        levels.with("users").put(BOT.toString(), 100);
        alice.api().sendState(room, "m.room.power_levels", "", levels, null);
        NetworkConfig net = NetworkConfig.of("irc.example.org", irc.host(), irc.port()).withMappings(List.of(
                new ChannelMapping("#fixedmodes", List.of(room.toString()), null)));

        try (TestBridge bridge = OwnBridge.start(hs, OwnBridge.config(hs, dir, List.of(net)))) {
            awaitMembership(alice, room, BOT.toString(), "join");
            String opUser = "@irc.example.org/_op:localhost";
            String vicUser = "@irc.example.org/_vic:localhost";
            RoomState.awaitLevel(alice, room, opUser, 50);
            RoomState.awaitLevel(alice, room, vicUser, 1);
            op.sendRaw("MODE #fixedmodes +i");
            MembershipFlows.mode(op, "#fixedmodes", "+o", "Vic");
            RoomState.awaitLevel(alice, room, vicUser, 50);
            // The +i before it went through the same queue: the room's join rule is its admins' to set.
            assertEquals("public", RoomState.content(alice, room, "m.room.join_rules").path("join_rule").asText());
        }
    }

    private static long count(MatrixClient c, RoomId room, String body) {
        return c.events(room).stream().filter(e -> "m.room.message".equals(e.type())
                && body.equals(e.contentString("body").orElse(""))).count();
    }

    private static ClientEvent awaitMembership(MatrixClient c, RoomId room, String user, String membership) {
        return c.awaitEvent(room, e -> "m.room.member".equals(e.type()) && user.equals(e.stateKey())
                && membership.equals(e.contentString("membership").orElse("")), WAIT);
    }
}
