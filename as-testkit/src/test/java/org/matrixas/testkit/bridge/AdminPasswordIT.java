package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.json.Json;
import org.matrixas.testkit.Await;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestBridge;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;

/**
 * {@code !storepass}, {@code !removepass} and logging in with the stored password: SASL PLAIN with
 * {@code sasl: true}, NickServ IDENTIFY without it, proven by the IRC server's account view. The bot redacts the
 * command message (or, without the power to, asks the user to); the password is in no file of the bridge's data
 * folder and in no log line, and both it and the admin room survive a restart.
 */
class AdminPasswordIT {
    private static final String PASSWORD = "correct horse battery";

    /** {@link FastBridge} with {@code sasl: true}. */
    public static class Sasl extends FastBridge {
        @Override
        public BridgeConfig apply(BridgeConfig c) {
            BridgeConfig fast = super.apply(c);
            return fast.withNetworks(fast.networks().stream().map(n -> n.withSasl(true, null)).toList());
        }
    }

    @Test
    @MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeConfig = Sasl.class,
            ircAccounts = "alice[m]:" + PASSWORD)
    void storepass_sasl_loggedInOnReconnect_secretNowhere_survivesRestart(TestHomeserver hs, TestIrc irc,
            TestBridge bridge) throws IOException {
        try (LogCapture logs = new LogCapture()) {
            MatrixClient alice = hs.registerUser("alice");
            AdminRoomClient admin = AdminRoomClient.open(alice);
            assertTrue(admin.command("!join #sasl").startsWith("You joined #sasl"));
            assertEquals(Optional.empty(), irc.accountOf("alice[m]"), "no password yet: not logged in");

            String stored = admin.command("!storepass " + PASSWORD);
            assertTrue(stored.startsWith("Password stored (encrypted) for irc.example.org"), stored);
            assertTrue(stored.contains("SASL"), stored);
            assertTrue(stored.endsWith("I removed your message that contained it."), stored);
            assertFalse(stored.contains(PASSWORD));
            assertRedactedByBot(admin);

            assertEquals("Reconnected to irc.example.org as alice[m], logged in as alice[m].",
                    admin.command("!reconnect"));
            assertEquals(Optional.of("alice[m]"), irc.accountOf("alice[m]"));
            assertFalse(dataFilesContain(bridge.config().dataDir(), PASSWORD), "plaintext in the data folder");

            bridge.restart();
            assertEquals("Connected to irc.example.org as alice[m], logged in as alice[m].",
                    admin.command("!reconnect"), "admin room and password survive the restart");
            assertFalse(dataFilesContain(bridge.config().dataDir(), PASSWORD), "plaintext in the data folder");
            assertTrue(logs.size() > 0, "the capture saw the bridge's logs");
            assertFalse(logs.contains(PASSWORD), "the password reached a log line");
        }
    }

    @Test
    @MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeConfig = FastBridge.class,
            ircAccounts = "alice[m]:" + PASSWORD)
    void storepass_withoutSasl_identifiesWithNickServ_removepass(TestHomeserver hs, TestIrc irc) {
        MatrixClient alice = hs.registerUser("alice");
        AdminRoomClient admin = AdminRoomClient.open(alice);
        String stored = admin.command("!storepass irc.example.org " + PASSWORD);
        assertTrue(stored.contains("(NickServ, account: your nick)"), stored);
        assertTrue(admin.command("!reconnect").startsWith("Connected to irc.example.org as alice[m]"));
        Await.until("alice[m] identified with NickServ", () -> irc.accountOf("alice[m]").isPresent(),
                AdminRoomClient.WAIT);
        assertEquals(Optional.of("alice[m]"), irc.accountOf("alice[m]"));

        assertEquals("Password for irc.example.org removed. Your current connection stays as it is.",
                admin.command("!removepass"));
        assertEquals("You had no password stored for irc.example.org.", admin.command("!removepass"));
        assertEquals("Reconnected to irc.example.org as alice[m].", admin.command("!reconnect"));
        assertEquals(Optional.empty(), irc.accountOf("alice[m]"), "no password: not logged in");
    }

    @Test
    @MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeConfig = FastBridge.class,
            ircAccounts = "alice[m]:right")
    void storepass_wrongPassword_connectsWithoutAccount(TestHomeserver hs, TestIrc irc) {
        AdminRoomClient admin = AdminRoomClient.open(hs.registerUser("alice"));
        admin.command("!storepass wrong");
        assertTrue(admin.command("!reconnect").startsWith("Connected to irc.example.org as alice[m]"));
        assertEquals(Optional.empty(), irc.accountOf("alice[m]"));
    }

    @Test
    @MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeConfig = FastBridge.class)
    void storepass_botMayNotRedact_storedAndUserAskedToDelete(TestHomeserver hs) {
        MatrixClient alice = hs.registerUser("alice");
        // private_chat: the invited bot has power level 0, below the room's redact level of 50.
        AdminRoomClient admin = AdminRoomClient.open(alice, "private_chat");
        String stored = admin.command("!storepass " + PASSWORD);
        assertTrue(stored.startsWith("Password stored (encrypted) for irc.example.org"), stored);
        assertTrue(stored.endsWith("please delete (redact) it yourself."), stored);
        assertEquals("!storepass " + PASSWORD, alice.api().event(admin.room(), admin.lastCommand())
                .contentString("body").orElseThrow(), "the homeserver refused: the message is still there");
    }

    /** The bot redacted the last command: it reads back pruned, with the bot's redaction as the cause. */
    private static void assertRedactedByBot(AdminRoomClient admin) {
        EventId command = admin.lastCommand();
        ClientEvent redaction = admin.user().awaitEvent(admin.room(), e -> "m.room.redaction".equals(e.type())
                && command.toString().equals(e.contentString("redacts").orElse("")), AdminRoomClient.WAIT);
        assertEquals(AdminRoomClient.BOT, redaction.sender());
        assertEquals("contains a password", redaction.contentString("reason").orElseThrow());
        ClientEvent read = admin.user().api().event(admin.room(), command);
        assertEquals(Json.object(), read.content(), "the password is pruned from the stored message");
        assertEquals(redaction.eventId().toString(),
                read.unsigned().path("redacted_because").path("event_id").asText());
    }

    private static boolean dataFilesContain(Path dir, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                outer:
                for (int i = 0; i + needle.length <= bytes.length; i++) {
                    for (int j = 0; j < needle.length; j++) {
                        if (bytes[i + j] != needle[j]) {
                            continue outer;
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }
}
