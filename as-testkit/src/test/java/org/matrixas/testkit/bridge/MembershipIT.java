package org.matrixas.testkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestHomeserver;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcTestClient;

/**
 * Membership and topics both ways on the in-process IRC server, in one kit: IRC JOIN, TOPIC, NICK and PART show
 * up as the virtual users' membership and the room topic; leaving the Matrix room parts the user's puppet.
 */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeConfig = FastBridge.class)
class MembershipIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ALIAS = "#irc.example.org/#members:localhost";
    private static final String BOB = "@irc.example.org/_carol:localhost";
    private static final String BOBBY = "@irc.example.org/_caroline:localhost";

    @Test
    void membershipAndTopic_bothWays_mirrored(TestHomeserver hs, TestIrc irc) {
        // The channel's first member is its operator: make the topic settable by anyone, then bridge it.
        IrcTestClient op = irc.connect("Op");
        op.join("#members");
        op.sendRaw("MODE #members -t");
        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join(ALIAS);
        IrcTestClient bob = irc.connect("Carol");
        bob.join("#members");
        awaitMembership(alice, room, BOB, "join");

        bob.sendRaw("TOPIC #members :from IRC");
        alice.awaitEvent(room, e -> "m.room.topic".equals(e.type())
                && "from IRC".equals(e.contentString("topic").orElse("")), WAIT);

        bob.nick("Caroline");
        awaitMembership(alice, room, BOB, "leave");
        awaitMembership(alice, room, BOBBY, "join");

        alice.sendText(room, "hello");
        bob.awaitPrivmsg("#members", "hello"::equals, WAIT);

        bob.part("#members");
        awaitMembership(alice, room, BOBBY, "leave");

        bob.join("#members");
        alice.api().leave(room);
        String part = bob.awaitLine("alice[m] parts", l -> "PART".equals(l.command()) && "alice[m]".equals(l.nick()),
                WAIT);
        assertEquals("#members", org.matrixas.testkit.irc.IrcLine.parse(part).param(0));
    }

    private static ClientEvent awaitMembership(MatrixClient c, RoomId room, String user, String membership) {
        return c.awaitEvent(room, e -> "m.room.member".equals(e.type()) && user.equals(e.stateKey())
                && membership.equals(e.contentString("membership").orElse("")), WAIT);
    }
}
