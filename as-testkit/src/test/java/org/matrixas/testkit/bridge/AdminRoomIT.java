package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
import org.matrixas.testkit.irc.IrcLine;
import org.matrixas.testkit.irc.IrcTestClient;

/**
 * The admin room on the in-process IRC server: the bot joins a room it is invited to and answers the owner's
 * commands with notices; {@code !join}, {@code !part}, {@code !listrooms}, {@code !nick}, {@code !whois},
 * {@code !reconnect} and {@code !quit} act on the owner's puppet; other members' commands are ignored and nothing
 * said there reaches IRC. Passwords and SASL/NickServ are in {@link AdminPasswordIT}.
 */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeConfig = FastBridge.class)
class AdminRoomIT {
    private static final Duration WAIT = AdminRoomClient.WAIT;

    @Test
    void help_unknownCommand_otherMembersIgnored_nothingRelayed(TestHomeserver hs, TestIrc irc) {
        MatrixClient alice = hs.registerUser("alice");
        AdminRoomClient admin = AdminRoomClient.open(alice);
        String help = admin.command("!help");
        for (String command : List.of("!join", "!part", "!nick", "!whois", "!reconnect", "!listrooms", "!storepass",
                "!removepass", "!cmd", "!quit")) {
            assertTrue(help.contains(command), command + " missing from: " + help);
        }
        assertEquals("Unknown command !frobnicate. Send !help for the list.", admin.command("!frobnicate"));

        MatrixClient mallory = hs.registerUser("mallory");
        alice.api().invite(admin.room(), mallory.userId());
        mallory.join(admin.room().toString());
        mallory.sendText(admin.room(), "!nick Mallory");
        alice.sendText(admin.room(), "just chatting, not for IRC");
        // One queue per room: had Mallory's command been run, its answer would come before this one.
        assertTrue(admin.command("!help").startsWith("Commands"), "the answer to alice's !help comes next");
        IrcTestClient observer = irc.connect("Observer");
        observer.sendRaw("ISON Mallory alice[m]");
        IrcLine ison = observer.awaitParsed("303", l -> "303".equals(l.command()), WAIT);
        assertEquals("", ison.last(), "no puppet was made: neither the command nor the chat went to IRC");
    }

    @Test
    void cmd_rawLineThroughOwnPuppet_refusesWhatWouldDesyncTheBridge(TestHomeserver hs, TestIrc irc) {
        IrcTestClient op = irc.connect("Op");
        op.join("#raw");
        op.sendRaw("MODE #raw -t");
        MatrixClient alice = hs.registerUser("alice");
        AdminRoomClient admin = AdminRoomClient.open(alice);
        assertTrue(admin.command("!join #raw").startsWith("You joined #raw"));

        String sent = admin.command("!cmd TOPIC #raw :set with !cmd\r\nQUIT");
        assertTrue(sent.startsWith("Sent to irc.example.org as alice[m]: TOPIC #raw"), sent);
        IrcLine topic = op.awaitParsed("TOPIC from alice[m]", l -> "TOPIC".equals(l.command()), WAIT);
        assertEquals("alice[m]", topic.nick());
        assertEquals("set with !cmdQUIT", topic.param(1), "CR and LF removed: one line, no QUIT command");

        assertTrue(admin.command("!cmd JOIN #elsewhere").contains("use !join"));
        assertTrue(admin.command("!cmd privmsg #raw :hi").contains("say it in the channel's room"));
        assertTrue(admin.command("!cmd nick Other").contains("use !nick"));
        assertTrue(admin.command("!cmd").startsWith("Usage: !cmd"));
        assertTrue(admin.command("!cmd AWAY :" + "x".repeat(600)).contains("longer than IRC allows"));
        assertTrue(irc.inProcessServer().orElseThrow().isConnected("alice[m]"), "the puppet is still there");
    }

    @Test
    void join_withKey_listrooms_part(TestHomeserver hs, TestIrc irc) {
        IrcTestClient op = irc.connect("Op");
        op.join("#adm");
        op.sendRaw("MODE #adm +k sesame");
        MatrixClient alice = hs.registerUser("alice");
        AdminRoomClient admin = AdminRoomClient.open(alice);

        String refused = admin.command("!join #adm");
        assertTrue(refused.contains("475"), refused);
        String joined = admin.command("!join irc.example.org #adm sesame");
        assertTrue(joined.startsWith("You joined #adm on irc.example.org as alice[m] and are invited"), joined);
        op.awaitMember("#adm", "alice[m]", WAIT);
        RoomId room = alice.api().resolveAlias(
                org.matrixas.protocol.id.RoomAlias.parse("#irc.example.org/#adm:localhost")).orElseThrow();
        AdminRoomClient.awaitInviteFromBot(alice, room);
        alice.join(room.toString());
        op.privmsg("#adm", "welcome");
        alice.awaitText(room, "welcome", WAIT);

        String list = admin.command("!listrooms");
        assertTrue(list.contains("#adm → #irc.example.org/#adm:localhost"), list);
        assertTrue(admin.command("!join #adm").contains("already in its room"));

        String left = admin.command("!part #adm");
        assertEquals("You left #adm on irc.example.org and its room #irc.example.org/#adm:localhost.", left);
        op.awaitLine("alice[m] parts", l -> "PART".equals(l.command()) && "alice[m]".equals(l.nick()), WAIT);
        awaitLeft(room, alice);
        assertTrue(admin.command("!part #adm").startsWith("You are not in #adm"));
        assertTrue(admin.command("!join adm").contains("is not an IRC channel name"));
    }

    @Test
    void nick_changedInUseReported_keptAcrossBridgeRestart(TestHomeserver hs, TestIrc irc, TestBridge bridge) {
        MatrixClient alice = hs.registerUser("alice");
        AdminRoomClient admin = AdminRoomClient.open(alice);
        IrcTestClient taken = irc.connect("Taken");

        assertEquals("Your nick on irc.example.org is now Alicia (it was alice[m]).", admin.command("!nick Alicia"));
        String inUse = admin.command("!nick taken");
        assertTrue(inUse.contains("already in use (433)"), inUse);
        assertTrue(admin.command("!nick 9lives").contains("not a valid IRC nick"));
        taken.sendRaw("ISON Alicia");
        assertEquals("Alicia", taken.awaitParsed("303", l -> "303".equals(l.command()), WAIT).last(),
                "a refused change keeps the nick");

        bridge.restart();
        assertEquals("Connected to irc.example.org as Alicia.", admin.command("!reconnect"),
                "the admin room and the nick survive the restart");
        String again = admin.command("!reconnect");
        assertEquals("Reconnected to irc.example.org as Alicia.", again);
    }

    @Test
    void whois_nickAndMatrixUser(TestHomeserver hs, TestIrc irc) {
        IrcTestClient bob = irc.connect("Bob");
        bob.join("#w");
        MatrixClient alice = hs.registerUser("alice");
        AdminRoomClient admin = AdminRoomClient.open(alice);
        String whois = admin.command("!whois Bob");
        assertTrue(whois.startsWith("Bob is Bob@127.0.0.1 (Test client Bob)"), whois);
        assertTrue(whois.contains("#w"), whois);
        assertTrue(admin.command("!whois Nobody").contains("No such nick"));
        assertTrue(admin.command("!whois @alice:localhost").contains("not connected"));
        admin.command("!join #w");
        String self = admin.command("!whois @alice:localhost");
        assertTrue(self.startsWith("@alice:localhost is alice[m] on irc.example.org.\nalice[m] is"), self);
    }

    @Test
    void quit_disconnectsAndRemovesFromBridgedRooms(TestHomeserver hs, TestIrc irc) {
        IrcTestClient op = irc.connect("Op");
        op.join("#q");
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join("#irc.example.org/#q:localhost");
        alice.sendText(room, "hi");
        op.awaitPrivmsg("#q", "hi"::equals, WAIT);
        AdminRoomClient admin = AdminRoomClient.open(alice);

        String quit = admin.command("!quit");
        assertTrue(quit.startsWith("Disconnected from irc.example.org; removed you from 1 bridged room."), quit);
        op.awaitLine("alice[m] quits", l -> "QUIT".equals(l.command()) && "alice[m]".equals(l.nick()), WAIT);
        awaitLeft(room, alice);
        assertTrue(admin.command("!listrooms").startsWith("You are not connected"));
        assertFalse(admin.hasUnreadAnswer());
    }

    /**
     * Waits until {@code user} is out of the room, as the user's own joined rooms say (the room may be invite-only
     * now: the channel is +k, which the bridge mirrors as join rule invite).
     */
    private static void awaitLeft(RoomId room, MatrixClient user) {
        Await.until(user.userId() + " out of " + room, () -> !user.api().joinedRooms().contains(room), WAIT);
    }
}
