package org.matrixas.testkit.bridge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.function.Predicate;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.testkit.Await;
import org.matrixas.testkit.MatrixClient;

/** Reads a room's current state, and waits for it: for state that flips back and forth, where history misleads. */
final class RoomState {
    static final Duration WAIT = Duration.ofSeconds(15);

    private RoomState() {
    }

    static ObjectNode content(MatrixClient c, RoomId room, String type) {
        return c.api().state(room, type, "").orElseThrow(() -> new AssertionError(room + " has no " + type));
    }

    /** The power level of {@code user} now. */
    static int level(MatrixClient c, RoomId room, String user) {
        ObjectNode pl = content(c, room, "m.room.power_levels");
        return pl.path("users").path(user).asInt(pl.path("users_default").asInt(0));
    }

    static void awaitLevel(MatrixClient c, RoomId room, String user, int level) {
        Await.until(user + " at power level " + level, () -> level(c, room, user) == level, WAIT);
    }

    static void awaitState(MatrixClient c, RoomId room, String type, Predicate<ObjectNode> matches, String what) {
        Await.until(what, () -> c.api().state(room, type, "").filter(matches).isPresent(), WAIT);
    }

    /** Waits for a membership event of {@code user} (in the history since the client joined). */
    static ClientEvent awaitMembership(MatrixClient c, RoomId room, String user, String membership) {
        return c.awaitEvent(room, e -> "m.room.member".equals(e.type()) && user.equals(e.stateKey())
                && membership.equals(e.contentString("membership").orElse("")), WAIT);
    }
}
