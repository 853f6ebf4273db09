package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.matrixas.testkit.bridge.RoomState.WAIT;
import static org.matrixas.testkit.bridge.RoomState.awaitMembership;

import org.junit.jupiter.api.Test;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.testkit.Await;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcServer;
import org.matrixas.testkit.irc.IrcTestClient;

/** A puppet kicked from a channel stays out of it after its connection drops and comes back. */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeConfig = FastBridge.class)
class PuppetKickIT {

    @Test
    void kickedPuppet_reconnects_rejoinsOtherChannelsOnly(TestHomeserver hs, TestIrc irc) {
        IrcServer server = irc.inProcessServer().orElseThrow();
        IrcTestClient op = irc.connect("Op");
        op.join("#kicked");
        op.join("#other");
        MatrixClient alice = hs.registerUser("alice");
        MatrixClient dan = hs.registerUser("dan");
        RoomId kicked = alice.join("#irc.example.org/#kicked:localhost");
        dan.join(kicked.toString());
        RoomId other = alice.join("#irc.example.org/#other:localhost");
        alice.sendText(kicked, "one");
        op.awaitPrivmsg("#kicked", "one"::equals, WAIT);
        alice.sendText(other, "two");
        op.awaitPrivmsg("#other", "two"::equals, WAIT);

        op.sendRaw("KICK #kicked alice[m] :out");
        assertEquals("kicked on IRC by Op: out", awaitMembership(dan, kicked, alice.userId().toString(), "leave")
                .contentString("reason").orElse(""));

        server.kill("alice[m]");
        Await.until("alice[m] back in #other", () -> server.channelMembers("#other").contains("alice[m]"), WAIT);
        alice.sendText(other, "after the reconnect");
        op.awaitPrivmsg("#other", "after the reconnect"::equals, WAIT);
        assertFalse(server.channelMembers("#kicked").contains("alice[m]"), "a kicked puppet does not rejoin");
    }
}
