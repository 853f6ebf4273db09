package org.matrixas.bridge.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.matrixas.bridge.irc.BridgeFixture.CHANNEL;
import static org.matrixas.bridge.irc.BridgeFixture.FAST;
import static org.matrixas.bridge.irc.BridgeFixture.HS_DOMAIN;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.bridge.irc.irc.BotConnection;
import org.matrixas.bridge.irc.irc.BotConnections;
import org.matrixas.bridge.irc.irc.IrcMessage;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.bridge.irc.scrollback.Scrollbacks;
import org.matrixas.bridge.irc.testing.Await;
import org.matrixas.bridge.irc.testing.IrcTestClient;
import org.matrixas.bridge.irc.testing.NgircdServer;
import org.matrixas.bridge.irc.testing.RecordingHomeserver;
import org.matrixas.bridge.irc.testing.RecordingHomeserver.Call;
import org.matrixas.bridge.irc.testing.RecordingHomeserver.Mode;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

/** The IRC walk-through against a real ngircd and a recording homeserver stand-in. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeIT {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final RoomAlias ALIAS = RoomAlias.parse("#irc.freenode.net/#matrix:" + HS_DOMAIN);
    static final UserId BOB = UserId.parse("@irc.freenode.net/_bob:" + HS_DOMAIN);
    static final UserId CAROL = UserId.parse("@irc.freenode.net/_carol:" + HS_DOMAIN);
    static final UserId ALICE = UserId.parse("@alice:" + HS_DOMAIN);

    NgircdServer ircd;
    RecordingHomeserver hs;
    IrcBridge bridge;

    @BeforeAll
    void startIrcd(@TempDir Path dir) throws IOException {
        ircd = NgircdServer.start(dir);
    }

    @AfterAll
    void stopIrcd() {
        if (ircd != null) {
            ircd.close();
        }
    }

    @AfterEach
    void stopBridge() {
        if (bridge != null) {
            bridge.close();
        }
        if (hs != null) {
            hs.close();
        }
    }

    private void start(Mode mode, Path data) {
        hs = new RecordingHomeserver(HS_DOMAIN, mode);
        bridge = IrcBridge.start(BridgeFixture.config(hs.url(), ircd.port(), data), FAST);
        assertTrue(bridge.awaitHealthy(WAIT), "bridge did not become healthy");
        BotConnection bot = bridge.instance(BotConnections.class).bot(BridgeFixture.NETWORK);
        Await.until(WAIT, () -> bot.session().isIn(CHANNEL), () -> "the bot did not join " + CHANNEL);
    }

    @Test
    void start_botJoinsConfiguredChannel_andBuffersScrollback(@TempDir Path data) throws IOException {
        start(Mode.QUERY_APPSERVICE, data);
        try (IrcTestClient bob = IrcTestClient.connect(ircd.port(), "Bob")) {
            bob.join(CHANNEL);
            assertTrue(bob.seen().stream().anyMatch(l -> l.contains(" 353 ") && l.contains("MatrixBridge")),
                    "the bot is not in the names list: " + bob.seen());
            bob.say(CHANNEL, "hello?");
            Await.until(WAIT, () -> scrollback().size() == 1, () -> "scroll-back: " + scrollback());
            IrcMessage line = scrollback().get(0);
            assertEquals("Bob", line.nick());
            assertEquals("hello?", line.text());
        }
        assertTrue(hs.calls(c -> c.is("PUT", "send")).isEmpty(), "nothing is sent without a room");
    }

    @Test
    void aliasQuery_draftHomeserver_createsRoomAndInjectsScrollbackAsVirtualUsers(@TempDir Path data)
            throws IOException {
        start(Mode.QUERY_APPSERVICE, data);
        walkThroughScrollback();
        assertTrue(hs.calls(c -> c.is("GET", "users")).isEmpty(), "the stand-in queries directly, not via CS");
        assertEquals(1, hs.calls(c -> c.is("PUT", "displayname") && c.asUser().orElse("").equals(BOB.toString())
                && c.body().path("displayname").asText().equals("Bob")).size());
    }

    @Test
    void aliasQuery_homeserverRefusingUnregisteredUsers_registersThenInjects(@TempDir Path data) throws IOException {
        start(Mode.REFUSE_UNREGISTERED, data);
        walkThroughScrollback();
        assertTrue(hs.isRegistered(BOB) && hs.isRegistered(CAROL));
    }

    private void walkThroughScrollback() throws IOException {
        try (IrcTestClient bob = IrcTestClient.connect(ircd.port(), "Bob");
                IrcTestClient carol = IrcTestClient.connect(ircd.port(), "Carol")) {
            bob.join(CHANNEL);
            carol.join(CHANNEL);
            bob.say(CHANNEL, "hello?");
            Await.until(WAIT, () -> scrollback().size() == 1, () -> "scroll-back: " + scrollback());
            carol.say(CHANNEL, "anyone?");
            Await.until(WAIT, () -> scrollback().size() == 2, () -> "scroll-back: " + scrollback());
            List<IrcMessage> buffered = scrollback();

            assertTrue(hs.queryAlias(ALIAS), "alias query answered 404");

            Call create = hs.calls(c -> c.is("POST", "createRoom")).get(0);
            assertEquals("irc.freenode.net/#matrix", create.body().path("room_alias_name").asText());
            assertEquals("#matrix", create.body().path("name").asText());
            assertEquals("public_chat", create.body().path("preset").asText());
            assertTrue(create.asUser().isEmpty(), "the room is created as the bridge bot");
            assertTrue(hs.roomOf(ALIAS).isPresent());
            List<Call> sends = hs.calls(c -> c.is("PUT", "send"));
            assertEquals(2, sends.size(), sends.toString());
            assertSend(sends.get(0), BOB, "hello?", buffered.get(0).time().toEpochMilli());
            assertSend(sends.get(1), CAROL, "anyone?", buffered.get(1).time().toEpochMilli());
        }
    }

    @Test
    void walkThrough_liveBothWays(@TempDir Path data) throws IOException {
        start(Mode.QUERY_APPSERVICE, data);
        try (IrcTestClient bob = IrcTestClient.connect(ircd.port(), "Bob")) {
            bob.join(CHANNEL);
            assertTrue(hs.queryAlias(ALIAS));
            RoomId room = RoomId.parse(hs.roomOf(ALIAS).orElseThrow());

            hs.pushTransaction("t1", hs.message(ALICE, room, "m.text", "hi!"));
            String line = bob.expect(l -> l.contains("PRIVMSG #matrix :hi!"), WAIT);
            assertTrue(line.startsWith(":alice[m]!"), line);
            hs.pushTransaction("t2", hs.message(ALICE, room, "m.emote", "waves"));
            bob.expect(l -> l.startsWith(":alice[m]!") && l.contains("PRIVMSG #matrix :\u0001ACTION waves\u0001"), WAIT);

            long before = System.currentTimeMillis();
            bob.say(CHANNEL, "what's up?");
            Await.until(WAIT, () -> !sendsAs(BOB).isEmpty(), () -> "calls: " + hs.calls());
            Call sent = sendsAs(BOB).get(0);
            assertEquals("what's up?", sent.body().path("body").asText());
            long ts = sent.ts().orElseThrow();
            assertTrue(ts >= before - 1000 && ts <= System.currentTimeMillis(), "ts " + ts);
            assertTrue(hs.calls(c -> c.is("PUT", "send") && c.asUser().orElse("").contains("alice")).isEmpty(),
                    "the puppet's own lines came back to Matrix");
        }
    }

    @Test
    void transaction_sameTxnIdTwice_processedOnce(@TempDir Path data) throws IOException {
        start(Mode.QUERY_APPSERVICE, data);
        try (IrcTestClient bob = IrcTestClient.connect(ircd.port(), "Bob")) {
            bob.join(CHANNEL);
            assertTrue(hs.queryAlias(ALIAS));
            RoomId room = RoomId.parse(hs.roomOf(ALIAS).orElseThrow());
            var once = hs.message(ALICE, room, "m.text", "only once");
            hs.pushTransaction("dup", once);
            hs.pushTransaction("dup", once);
            hs.pushTransaction("marker", hs.message(ALICE, room, "m.text", "marker"));
            bob.expect(l -> l.contains(":marker"), WAIT);
            assertEquals(1, bob.seen().stream().filter(l -> l.contains(":only once")).count(), bob.seen().toString());
        }
    }

    @Test
    void matrixMessage_withCrLfNul_cannotInjectIrcCommands(@TempDir Path data) throws IOException {
        start(Mode.QUERY_APPSERVICE, data);
        try (IrcTestClient bob = IrcTestClient.connect(ircd.port(), "Bob")) {
            bob.join(CHANNEL);
            assertTrue(hs.queryAlias(ALIAS));
            RoomId room = RoomId.parse(hs.roomOf(ALIAS).orElseThrow());
            hs.pushTransaction("evil", hs.message(ALICE, room, "m.text",
                    "first\r\nQUIT :pwned\rPRIVMSG #matrix :inject\0ed\nJOIN #secret"));
            hs.pushTransaction("after", hs.message(ALICE, room, "m.text", "still here"));
            bob.expect(l -> l.contains(":still here"), WAIT);
            List<String> fromPuppet = bob.seen().stream().filter(l -> l.startsWith(":alice[m]!")).toList();
            assertEquals(List.of("first", "QUIT :pwned", "PRIVMSG #matrix :injected", "JOIN #secret", "still here"),
                    fromPuppet.stream().filter(l -> l.contains(" PRIVMSG ")).map(l -> l.substring(
                            l.indexOf(" :") + 2)).toList());
            assertTrue(fromPuppet.stream().allMatch(l -> l.contains(" PRIVMSG #matrix :") || l.contains(" JOIN ")),
                    "the puppet sent something other than PRIVMSG: " + fromPuppet);
            assertFalse(bob.seen().stream().anyMatch(l -> l.contains(" QUIT ")), bob.seen().toString());
        }
    }

    @Test
    void longMessage_uploadFails_allLinesSentAndRoomToldNeverCutSilently(@TempDir Path data) throws IOException {
        start(Mode.QUERY_APPSERVICE, data);   // the stand-in has no media repository: every upload fails
        try (IrcTestClient bob = IrcTestClient.connect(ircd.port(), "Bob")) {
            bob.join(CHANNEL);
            assertTrue(hs.queryAlias(ALIAS));
            RoomId room = RoomId.parse(hs.roomOf(ALIAS).orElseThrow());
            hs.pushTransaction("long", hs.message(ALICE, room, "m.text", "l1\nl2\nl3\nl4\nl5"));
            bob.expect(l -> l.contains("PRIVMSG #matrix :l5"), WAIT);
            assertEquals(List.of("l1", "l2", "l3", "l4", "l5"), bob.seen().stream()
                    .filter(l -> l.startsWith(":alice[m]!") && l.contains(" PRIVMSG "))
                    .map(l -> l.substring(l.indexOf(" :") + 2)).toList());
            Await.until(WAIT, () -> !notices().isEmpty(), () -> "calls: " + hs.calls());
            Call notice = notices().get(0);
            assertTrue(notice.asUser().isEmpty(), "the notice comes from the bridge bot");
            assertEquals("Your message is longer than 3 IRC lines and could not be uploaded as a file; it was sent "
                    + "as 5 lines.", notice.body().path("body").asText());
        }
    }

    private List<Call> notices() {
        return hs.calls(c -> c.is("PUT", "send") && "m.notice".equals(c.body().path("msgtype").asText()));
    }

    @Test
    void puppet_nickTaken_fallsBackWithUnderscore(@TempDir Path data) throws IOException {
        start(Mode.QUERY_APPSERVICE, data);
        try (IrcTestClient squatter = IrcTestClient.connect(ircd.port(), "alice[m]")) {
            squatter.join(CHANNEL);
            assertTrue(hs.queryAlias(ALIAS));
            RoomId room = RoomId.parse(hs.roomOf(ALIAS).orElseThrow());
            hs.pushTransaction("t1", hs.message(ALICE, room, "m.text", "who took my nick"));
            String line = squatter.expect(l -> l.contains(":who took my nick"), WAIT);
            assertTrue(line.startsWith(":alice[m]_!"), line);
        }
    }

    private List<Call> sendsAs(UserId user) {
        return hs.calls(c -> c.is("PUT", "send") && c.asUser().orElse("").equals(user.toString()));
    }

    private static void assertSend(Call send, UserId as, String body, long ts) {
        assertEquals(as.toString(), send.asUser().orElse(""));
        assertEquals(body, send.body().path("body").asText());
        assertEquals("m.text", send.body().path("msgtype").asText());
        assertEquals(ts, send.ts().orElseThrow());
    }

    private List<IrcMessage> scrollback() {
        return bridge.instance(Scrollbacks.class).recent(new ChannelRef(BridgeFixture.NETWORK, CHANNEL));
    }
}
