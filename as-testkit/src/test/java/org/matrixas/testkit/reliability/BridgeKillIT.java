package org.matrixas.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.Session;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.http.PercentCodec;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.json.Json;
import org.matrixas.testkit.Await;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.irc.IrcTestClient;
import org.matrixas.testkit.irc.RelayedMessage;

/**
 * Faults: the bridge runs as its own process and is killed with SIGKILL while Matrix users and an IRC user talk,
 * then restarted on the same {@code data_dir} and port. Every Matrix message must be said on IRC (the homeserver
 * re-sends what was not acknowledged; the bridge must not drop what it acknowledged), by its sender's puppet and in
 * each sender's order, and not again once it is known to be said (the IRC server answered the PING behind it):
 * only a line the server had not yet confirmed at the kill may be said twice, at most a flood burst per puppet per
 * kill. The room mapping must survive; puppets come back;
 * IRC lines reach the same room again and never twice.
 *
 * <p>Short: {@code reliability.bridgekill.kills}=2, {@code reliability.bridgekill.messages}=40 Matrix messages
 * per phase; long profile: 10 kills x 100.
 */
class BridgeKillIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String ALIAS = "#" + Deployment.NETWORK + "/#k:localhost";
    private static final Pattern RESUMED = Pattern.compile("saying (\\d+) Matrix message");
    private static final Pattern RESUMED_IRC = Pattern.compile("posting (\\d+) IRC line");

    @Test
    void sigkillDuringTraffic_restartOnSameStore_eachMatrixMessageOnceOnIrc_mappingAndPuppetsBack(@TempDir Path tmp) {
        int kills = Rel.count("bridgekill.kills", 2, 10);
        int perPhase = Rel.count("bridgekill.messages", 40, 100);
        Random random = new Random(Rel.seed("BridgeKillIT"));
        // Flood pacing keeps a backlog in the puppets' queues, so a kill finds acknowledged lines not yet on IRC.
        try (Deployment d = new Deployment(tmp, "info", "{burst: 3, interval_ms: 100}", "#k").start()) {
            HomeserverClient anon = HomeserverClient.anonymous(d.hs.baseUrl());
            List<HomeserverClient> users = new ArrayList<>();
            for (String name : List.of("alice", "carol")) {
                Session s = anon.registerUser(name, d.secret(name + "-pw-" + UUID.randomUUID()));
                users.add(anon.withToken(d.secret(s.accessToken())));
            }
            MatrixClient alice = new MatrixClient(users.get(0).whoami(), users.get(0));
            RoomId room = alice.join(ALIAS);
            users.get(1).join(room.toString());
            IrcTestClient bob = IrcTestClient.connect(d.irc.host(), d.irc.port(), "Bob");
            bob.join("#k");
            bob.awaitMember("#k", "MatrixBridge", WAIT);

            int sentMatrix = 0;
            int sentIrc = 0;
            int finalPhaseFirstIrc = 0;
            long botJoins = 0;
            List<Integer> killPoints = new ArrayList<>();
            for (int phase = 0; phase <= kills; phase++) {
                int killAt = phase < kills ? random.nextInt(perPhase) : -1;
                boolean down = false;
                if (phase == kills) {
                    finalPhaseFirstIrc = sentIrc;
                }
                for (int i = 0; i < perPhase; i++) {
                    if (i == killAt) {
                        botJoins = Rel.joinsSeen(bob, "MatrixBridge");
                        d.bridge.kill();
                        killPoints.add(sentMatrix);
                        down = true;
                    }
                    send(users.get(sentMatrix % 2), room, sentMatrix++);
                    if (!down) { // an IRC line said while no bridge is connected is not stored anywhere
                        bob.privmsg("#k", "i-" + sentIrc++);
                    }
                    // Alice's sync keeps up (a sync answers at most 20 timeline events per room, then 'limited').
                    alice.awaitText(room, "m-" + (sentMatrix - 1), WAIT);
                }
                if (down) {
                    d.bridge.start();
                    long before = botJoins;
                    Await.until("the restarted bot to join #k", () -> Rel.joinsSeen(bob, "MatrixBridge") > before,
                            WAIT);
                    checkMapping(d, alice, room);
                }
            }

            d.keepLogs("BridgeKillIT");
            // Matrix -> IRC: every message said, by its sender's puppet, in each sender's order. Twice only for a line
            // written to IRC in the instant before a kill, before its outbox entry was marked done: IRC cannot
            // de-duplicate, so the bridge chooses said-again over lost. At most a flood burst per puppet per kill.
            int expected = sentMatrix;
            // The backlog drains at the flood pace (one line per 100 ms per puppet): allow that, twice over.
            Duration drain = WAIT.plusMillis(100L * expected);
            try {
                Await.until(expected + " Matrix messages on IRC", () -> distinct(matrixLines(d)) >= expected, drain);
            } catch (AssertionError e) {
                java.util.Set<String> said = new java.util.HashSet<>(matrixLines(d).stream().map(RelayedMessage::text)
                        .toList());
                List<String> missing = java.util.stream.IntStream.range(0, expected).mapToObj(n -> "m-" + n)
                        .filter(m -> !said.contains(m)).toList();
                throw new AssertionError(missing.size() + " Matrix messages never said on IRC within " + drain + ": "
                        + missing.subList(0, Math.min(50, missing.size())), e);
            }
            Map<String, Integer> counts = new HashMap<>();
            int[] last = {-1, -1};
            for (RelayedMessage m : matrixLines(d)) {
                int n = Integer.parseInt(m.text().substring(2));
                assertEquals(n % 2 == 0 ? "alice[m]" : "carol[m]", m.fromNick(), m.text() + " said by the wrong puppet");
                if (counts.merge(m.text(), 1, Integer::sum) == 1) {
                    assertTrue(n > last[n % 2], m.text() + " after m-" + last[n % 2] + ": out of order");
                    last[n % 2] = n;
                }
            }
            List<String> twice = counts.entrySet().stream().filter(e -> e.getValue() > 1)
                    .map(e -> e.getKey() + " x" + e.getValue()).sorted().toList();
            assertEquals(expected, counts.size(), "every Matrix message was said on IRC");
            assertTrue(twice.size() <= kills * 2 * 3, "more lines said twice than the kills can explain: " + twice);
            assertTrue(counts.values().stream().allMatch(c -> c <= 2), "a line said three times: " + twice);
            assertTrue(d.irc.channelMembers("#k").containsAll(List.of("alice[m]", "carol[m]")),
                    "both puppets are back in #k: " + d.irc.channelMembers("#k"));

            // IRC -> Matrix: never twice; every line of the last phase (after the last restart) arrives.
            alice.awaitText(room, "i-" + (sentIrc - 1), WAIT);
            Map<String, Integer> ircCounts = new HashMap<>();
            for (ClientEvent e : alice.events(room)) {
                e.contentString("body").filter(b -> b.startsWith("i-")).ifPresent(b -> ircCounts.merge(b, 1, Integer::sum));
            }
            assertTrue(ircCounts.values().stream().allMatch(c -> c == 1), "an IRC line arrived twice: " + ircCounts);
            for (int i = finalPhaseFirstIrc; i < sentIrc; i++) {
                assertTrue(ircCounts.containsKey("i-" + i), "i-" + i + " (said after the last restart) is missing");
            }
            int lostAtKill = sentIrc - ircCounts.size();
            int resumed = total(RESUMED, d.bridge.logText());
            int resumedIrc = total(RESUMED_IRC, d.bridge.logText());
            assertEquals(List.of(), d.leakedSecrets(), "secrets in the logs");
            Rel.figure(String.format("BridgeKillIT: %d SIGKILLs of the bridge process at Matrix message %s, %d Matrix "
                    + "messages (2 users) and %d IRC lines; every Matrix message said on IRC by its puppet, in order; "
                    + "%d re-said from the outbox after restarts, of which %d had reached IRC just before the kill "
                    + "(said twice: %s); %d IRC lines posted from the inbox after restarts, %d not yet read at a "
                    + "kill lost, 0 twice; alias, mapping and both puppets back after each restart", kills, killPoints,
                    sentMatrix, sentIrc, resumed, twice.size(), twice, resumedIrc, lostAtKill));
        }
    }

    private static void send(HomeserverClient user, RoomId room, int n) {
        ObjectNode content = Json.object().put("msgtype", "m.text").put("body", "m-" + n);
        user.put("/_matrix/client/v3/rooms/" + PercentCodec.encode(room.toString()) + "/send/m.room.message/m" + n,
                content);
    }

    private static long distinct(List<RelayedMessage> lines) {
        return lines.stream().map(RelayedMessage::text).distinct().count();
    }

    private static List<RelayedMessage> matrixLines(Deployment d) {
        return d.irc.messages().stream().filter(m -> m.target().equalsIgnoreCase("#k") && m.text().startsWith("m-"))
                .toList();
    }

    /** After a restart: the alias still names the same room and the bridge still maps it (no new room). */
    private static void checkMapping(Deployment d, MatrixClient alice, RoomId room) {
        assertEquals(Optional.of(room), alice.api().resolveAlias(RoomAlias.parse(ALIAS)));
        Rel.Resp query = Rel.send("GET", d.bridge.baseUrl() + "/_matrix/app/v1/rooms/" + Rel.enc(ALIAS), d.hsToken,
                (byte[]) null);
        assertEquals(200, query.status(), "the bridge still knows the channel's room: " + query);
        assertEquals(Optional.of(room), alice.api().resolveAlias(RoomAlias.parse(ALIAS)), "no second room");
    }

    private static int total(Pattern counted, String log) {
        Matcher m = counted.matcher(log);
        int total = 0;
        while (m.find()) {
            total += Integer.parseInt(m.group(1));
        }
        return total;
    }
}
