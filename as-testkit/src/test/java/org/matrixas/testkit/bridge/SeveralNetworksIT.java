package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestBridge;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcServer;
import org.matrixas.testkit.irc.IrcTestClient;

/**
 * Two IRC networks in one bridge, each on its own in-process server with its own templates: the same channel and
 * the same nick on both stay apart (aliases, virtual users, puppets), and the third-party protocol {@code irc}
 * answers through the homeserver's Client-Server API with one instance per network.
 */
@MatrixTest(irc = IrcMode.IN_PROCESS)
class SeveralNetworksIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ALPHA_ALIAS = "#alpha_#room:localhost";
    private static final String BETA_ALIAS = "#beta.example/#room:localhost";
    private static final String ALPHA_BOB = "@alpha__bob:localhost";
    private static final String BETA_BOB = "@beta.example/_bob:localhost";
    private final List<AutoCloseable> started = new ArrayList<>();

    @TempDir
    Path dir;

    private IrcServer beta;

    /** Starts the second IRC server and a bridge with network {@code alpha.example} on the kit's server. */
    private void startBridge(TestHomeserver hs, TestIrc alphaIrc) {
        beta = IrcServer.builder().nickLen(30).build().start();
        started.add(beta);
        NetworkConfig alpha = NetworkConfig.of("alpha.example", alphaIrc.host(), alphaIrc.port()).with(b -> {
            b.aliasTemplate = "#alpha_$CHANNEL";
            b.userTemplate = "@alpha_$NICK";
            b.nickTemplate = "$LOCALPART[a]";
        });
        NetworkConfig betaNet = NetworkConfig.of("beta.example", beta.host(), beta.port())
                .withNickTemplate("$LOCALPART|b");
        started.add(0, OwnBridge.start(hs, OwnBridge.config(hs, dir, List.of(alpha, betaNet))));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : started) {
            c.close();
        }
    }

    @Test
    void twoNetworks_sameChannelAndNick_bridgedApartBothWays(TestHomeserver hs, TestIrc irc) {
        startBridge(hs, irc);
        IrcTestClient bobA = irc.connect("Bob");
        bobA.join("#room");
        IrcTestClient bobB = IrcTestClient.connect(beta.host(), beta.port(), "Bob");
        started.add(bobB);
        bobB.join("#room");
        MatrixClient alice = hs.registerUser("alice");
        RoomId roomA = alice.join(ALPHA_ALIAS);
        RoomId roomB = alice.join(BETA_ALIAS);
        assertFalse(roomA.equals(roomB));

        bobA.privmsg("#room", "from alpha");
        bobB.privmsg("#room", "from beta");
        assertEquals(ALPHA_BOB, alice.awaitText(roomA, "from alpha", WAIT).sender().toString());
        assertEquals(BETA_BOB, alice.awaitText(roomB, "from beta", WAIT).sender().toString());

        alice.sendText(roomA, "to alpha");
        alice.sendText(roomB, "to beta");
        assertEquals("alice[a]", bobA.awaitPrivmsg("#room", "to alpha"::equals, WAIT).fromNick());
        assertEquals("alice|b", bobB.awaitPrivmsg("#room", "to beta"::equals, WAIT).fromNick());

        // Markers after the lines above: whatever crossed over would have arrived before them.
        bobA.privmsg("#room", "alpha done");
        bobB.privmsg("#room", "beta done");
        alice.awaitText(roomA, "alpha done", WAIT);
        alice.awaitText(roomB, "beta done", WAIT);
        assertTrue(alice.events(roomA).stream().noneMatch(e -> e.sender().toString().equals(BETA_BOB)));
        assertTrue(alice.events(roomB).stream().noneMatch(e -> e.sender().toString().equals(ALPHA_BOB)));
        assertTrue(bobA.received().stream().noneMatch(l -> l.contains("to beta") || l.contains("alice|b")));
        assertTrue(bobB.received().stream().noneMatch(l -> l.contains("to alpha") || l.contains("alice[a]")));
    }

    @Test
    void thirdParty_throughTheHomeserver_oneInstancePerNetwork(TestHomeserver hs, TestIrc irc) {
        startBridge(hs, irc);
        MatrixClient alice = hs.registerUser("alice");
        String tp = "/_matrix/client/v3/thirdparty";

        JsonNode protocol = alice.api().get(tp + "/protocol/irc");
        assertEquals(List.of("domain", "channel"), texts(protocol.path("location_fields")));
        assertEquals(List.of("domain", "nick"), texts(protocol.path("user_fields")));
        List<String> networks = new ArrayList<>();
        protocol.path("instances").forEach(i -> networks.add(i.path("network_id").asText()));
        assertEquals(List.of("alpha.example", "beta.example"), networks);

        JsonNode location = alice.api().get(tp + "/location/irc?domain=beta.example&channel=%23room");
        assertEquals(BETA_ALIAS, location.get(0).path("alias").asText());
        alice.join(location.get(0).path("alias").asText()); // the answer leads to a room
        JsonNode user = alice.api().get(tp + "/user/irc?domain=alpha.example&nick=Bob");
        assertEquals(ALPHA_BOB, user.get(0).path("userid").asText());

        JsonNode byAlias = alice.api().get(tp + "/location?alias=%23alpha_%23room%3Alocalhost");
        assertEquals("alpha.example", byAlias.get(0).path("fields").path("domain").asText());
        assertEquals("#room", byAlias.get(0).path("fields").path("channel").asText());
        JsonNode byUser = alice.api().get(tp + "/user?userid=%40beta.example%2F_bob%3Alocalhost");
        assertEquals("Bob", byUser.get(0).path("fields").path("nick").asText());
        assertEquals("beta.example", byUser.get(0).path("fields").path("domain").asText());

        assertEquals(0, alice.api().get(tp + "/location/irc?domain=nowhere.example&channel=%23room").size());
        MatrixException unknown = org.junit.jupiter.api.Assertions.assertThrows(MatrixException.class,
                () -> alice.api().get(tp + "/protocol/xmpp"));
        assertEquals(404, unknown.httpStatus());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
