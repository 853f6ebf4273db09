package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.client.CreateRoomRequest;
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
 * The admin room's {@code !plumb}, {@code !unlink} and {@code !bridgeversion} on the in-process IRC server (and
 * {@code !username}, see {@link UserNameFlows}): a room bridged at runtime (both ways, across a bridge restart) and
 * unlinked again, and every refusal a user can run into.
 */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeConfig = FastBridge.class)
class AdminPlumbIT {
    private static final Duration WAIT = AdminRoomClient.WAIT;
    private static final String NET = "irc.example.org";

    @Test
    void plumb_bothWays_survivesRestart_unlinkStopsIt(TestHomeserver hs, TestIrc irc, TestBridge bridge) {
        IrcTestClient bob = irc.connect("Bob");
        bob.join("#p");
        MatrixClient alice = hs.registerUser("alice");
        AdminRoomClient admin = AdminRoomClient.open(alice);
        RoomId room = groupRoomWithBot(alice, "private_chat");

        String plumbed = admin.command("!plumb " + room + " " + NET + " #p");
        assertTrue(plumbed.startsWith("Bridged " + room + " to #p on irc.example.org"), plumbed);
        bob.privmsg("#p", "hello matrix");
        alice.awaitText(room, "hello matrix", WAIT);
        alice.sendText(room, "hello irc");
        assertEquals("alice[m]", bob.awaitPrivmsg("#p", "hello irc"::equals, WAIT).fromNick());
        assertTrue(admin.command("!plumb " + room + " " + NET + " #other").contains("already bridged to #p"));

        bridge.restart();
        bob.awaitMember("#p", "MatrixBridge", WAIT);
        bob.privmsg("#p", "after restart");
        alice.awaitText(room, "after restart", WAIT);
        alice.sendText(room, "still bridged");
        bob.awaitPrivmsg("#p", "still bridged"::equals, WAIT);

        // A second room of the channel, still bridged after the unlink: the barrier for what must not arrive.
        RoomId dynamic = alice.join("#irc.example.org/#p:localhost");
        String unlinked = admin.command("!unlink " + room + " " + NET + " #p");
        assertEquals("Unlinked " + room + " from #p on irc.example.org; the bridge bot left the room.", unlinked);
        awaitMembership(alice, room, AdminRoomClient.BOT.toString(), "leave");
        awaitMembership(alice, room, "@irc.example.org/_bob:localhost", "leave"); // the IRC users go too
        bob.privmsg("#p", "irc after unlink");
        bob.privmsg("#p", "irc barrier");
        alice.awaitText(dynamic, "irc barrier", WAIT);
        assertTrue(alice.events(room).stream().noneMatch(e -> "irc after unlink".equals(
                e.contentString("body").orElse(null))), "the unlinked room got no IRC line");
        alice.sendText(room, "matrix after unlink");
        alice.sendText(dynamic, "matrix barrier");
        bob.awaitPrivmsg("#p", "matrix barrier"::equals, WAIT);
        assertTrue(bob.received().stream().noneMatch(l -> l.endsWith(":matrix after unlink")),
                "the unlinked room's message did not reach IRC");
        assertTrue(admin.command("!unlink " + room + " " + NET + " #p").contains("is not bridged to #p"));
        assertTrue(admin.command("!unlink " + dynamic + " " + NET + " #p").contains("not with !plumb"));
    }

    @Test
    void plumbAndUnlink_refusals(TestHomeserver hs, TestIrc irc) {
        MatrixClient alice = hs.registerUser("alice");
        MatrixClient mallory = hs.registerUser("mallory");
        AdminRoomClient admin = AdminRoomClient.open(alice);
        AdminRoomClient malloryAdmin = AdminRoomClient.open(mallory);
        RoomId room = groupRoomWithBot(alice, "private_chat");
        alice.api().invite(room, mallory.userId());
        mallory.join(room.toString());

        assertTrue(admin.command("!plumb").startsWith("Usage: !plumb"));
        assertTrue(admin.command("!plumb " + room + " nosuch.net #x").startsWith("Unknown network nosuch.net"));
        assertTrue(admin.command("!plumb " + room + " " + NET + " x").contains("is not an IRC channel name"));
        assertTrue(admin.command("!plumb nonsense " + NET + " #x").contains("is not a room ID"));
        assertTrue(admin.command("!plumb " + admin.room() + " " + NET + " #x").contains("is an admin room"));
        RoomId closed = alice.api().createRoom(CreateRoomRequest.named("closed").withPreset("private_chat"));
        String notJoinable = admin.command("!plumb " + closed + " " + NET + " #x");
        assertTrue(notJoinable.startsWith("The bridge bot cannot join " + closed), notJoinable);
        assertTrue(notJoinable.contains("invite @irc-bridge:localhost"), notJoinable);

        String refused = malloryAdmin.command("!plumb " + room + " " + NET + " #x");
        assertTrue(refused.startsWith("You need to be in " + room + " with power level 100"), refused);
        assertTrue(refused.endsWith("you have 0."), refused);
        // The bot stays where it was invited, so the room's admin can still plumb it.
        assertTrue(admin.command("!plumb " + room + " " + NET + " #x").startsWith("Bridged " + room));
        String notYours = malloryAdmin.command("!unlink " + room + " " + NET + " #x");
        assertTrue(notYours.startsWith("Only @alice:localhost, who bridged it, or a moderator"), notYours);
        assertTrue(admin.command("!unlink " + room + " " + NET + " #y").contains("is not bridged to #y"));
        ObjectNode levels = alice.api().state(room, "m.room.power_levels", "").orElseThrow();
        ((ObjectNode) levels.get("users")).put(mallory.userId().toString(), 50);
        alice.api().sendState(room, "m.room.power_levels", "", levels, null);
        assertTrue(malloryAdmin.command("!unlink " + room + " " + NET + " #x").startsWith("Unlinked " + room),
                "a moderator may unlink what someone else plumbed");

        String version = admin.command("!bridgeversion");
        assertTrue(version.matches("as-bridge-irc \\d+\\.\\d+\\.\\d+.*"), version);
        String help = admin.command("!help");
        for (String command : List.of("!username", "!plumb", "!unlink", "!bridgeversion")) {
            assertTrue(help.contains(command), command + " missing from: " + help);
        }
    }

    /** A group room of {@code owner} with the bot invited (not as a direct chat, so not an admin room). */
    private static RoomId groupRoomWithBot(MatrixClient owner, String preset) {
        return owner.api().createRoom(CreateRoomRequest.named("group").withPreset(preset)
                .withInvite(List.of(AdminRoomClient.BOT.toString()), false));
    }

    /** The user name the IRC server knows {@code nick} by (WHOIS, 311 RPL_WHOISUSER). */
    private static void awaitMembership(MatrixClient viewer, RoomId room, String user, String membership) {
        Await.until(user + " " + membership + " in " + room, () -> viewer.api().state(room, "m.room.member", user)
                .map(c -> membership.equals(c.path("membership").asText())).orElse(false), WAIT);
    }
}
