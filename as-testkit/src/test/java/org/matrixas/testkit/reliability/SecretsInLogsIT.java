package org.matrixas.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.Session;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.json.Json;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.irc.IrcTestClient;

/**
 * Security: no as_token, hs_token, access token or password in any log line of either process. Both run as real
 * processes at {@code debug} level (the most they log) through a run that registers, logs in (right and wrong
 * password), passes tokens in the header and in {@code ?access_token=}, is refused, logs out, and bridges both
 * ways (the homeserver pushes with the hs_token, the bridge calls back with its as_token and identity assertion).
 */
class SecretsInLogsIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void debugLogsOfBothProcesses_afterRegisterLoginTokensBridging_noSecret(@TempDir Path tmp) {
        try (Deployment d = new Deployment(tmp, "debug", "{burst: 3, interval_ms: 0}", "#s").start()) {
            String v3 = d.hs.baseUrl() + "/_matrix/client/v3";
            HomeserverClient anon = HomeserverClient.anonymous(d.hs.baseUrl());
            String password = d.secret("alice-pw-" + UUID.randomUUID());
            Session reg = anon.registerUser("alice", password);
            String token = d.secret(reg.accessToken());
            String second = d.secret(anon.login("alice", password).accessToken());
            String wrongPassword = d.secret("not-alice-pw-" + UUID.randomUUID());
            Rel.Resp refused = Rel.send("POST", v3 + "/login", null, "{\"type\":\"m.login.password\",\"identifier\":"
                    + "{\"type\":\"m.id.user\",\"user\":\"alice\"},\"password\":\"" + wrongPassword + "\"}");
            assertEquals(403, refused.status(), refused.toString());
            assertEquals(200, Rel.send("GET", v3 + "/account/whoami?access_token=" + second, null, (byte[]) null)
                    .status());
            assertEquals(200, Rel.send("POST", v3 + "/logout", second, "{}").status());
            assertEquals(401, Rel.send("GET", v3 + "/account/whoami?access_token=" + second, null, (byte[]) null)
                    .status(), "a logged-out token in the query, refused");
            // The bridge's tokens where they do not belong: the as_token in a query, the hs_token at the homeserver.
            assertEquals(200, Rel.send("GET", v3 + "/account/whoami?access_token=" + d.asToken, null, (byte[]) null)
                    .status());
            assertEquals(401, Rel.send("GET", v3 + "/account/whoami", d.hsToken, (byte[]) null).status());
            assertEquals(403, Rel.send("PUT", d.bridge.baseUrl() + "/_matrix/app/v1/transactions/x", token,
                    "{\"events\":[]}").status(), "a user's token at the bridge, refused");

            // Bridging both ways: alias query, room creation, a puppet, a virtual user.
            MatrixClient alice = new MatrixClient(reg.userId(), anon.withToken(token));
            RoomId room = alice.join("#" + Deployment.NETWORK + "/#s:localhost");
            IrcTestClient bob = IrcTestClient.connect(d.irc.host(), d.irc.port(), "Bob");
            bob.join("#s");
            bob.awaitMember("#s", "MatrixBridge", WAIT);
            alice.sendText(room, "hello irc");
            bob.awaitPrivmsg("#s", "hello irc"::equals, WAIT);
            bob.privmsg("#s", "hello matrix");
            alice.awaitText(room, "hello matrix", WAIT);
            String third = d.secret(anon.login("alice", password).accessToken());
            anon.withToken(third).post("/_matrix/client/v3/logout/all", Json.object());

            // Stop both cleanly so their shutdown lines are in the logs too.
            d.bridge.close();
            d.hs.close();
            d.keepLogs("SecretsInLogsIT");
            String logs = d.hs.logText() + d.bridge.logText();
            assertTrue(logs.contains(" DEBUG ") && logs.contains("@alice:localhost"),
                    "the logs are at debug level and name the user (so they were searched for real)");
            List<String> leaked = d.leakedSecrets();
            Rel.figure("SecretsInLogsIT: " + d.secretCount() + " secrets (as_token, hs_token, 3 access tokens, 2 "
                    + "passwords) searched in " + d.logLines() + " debug log lines of the homeserver and bridge "
                    + "processes; " + leaked.size() + " found" + (leaked.isEmpty() ? "" : ": " + leaked));
            assertEquals(List.of(), leaked, "secrets in the logs");
        }
    }
}
