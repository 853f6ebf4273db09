package org.matrixas.homeserver.room;

import java.sql.Connection;
import java.sql.SQLException;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

/** The checks every room write makes: the room exists, the user is joined, the power levels allow it. */
final class RoomRules {
    private RoomRules() {
    }

    static void requireRoom(Connection c, RoomId room) throws SQLException {
        if (!RoomStore.exists(c, room)) {
            throw MatrixError.M_NOT_FOUND.withMessage("unknown room " + room).toException();
        }
    }

    static void requireJoined(Connection c, RoomId room, UserId user) throws SQLException {
        requireRoom(c, room);
        if (!"join".equals(RoomStore.membership(c, room, user).orElse("leave"))) {
            throw forbidden(user + " is not in room " + room);
        }
    }

    static PowerLevels powerLevels(Connection c, RoomId room) throws SQLException {
        UserId creator = RoomStore.stateEvent(c, room, Rooms.CREATE, "").map(e -> e.event().sender()).orElse(null);
        return new PowerLevels(RoomStore.stateEvent(c, room, Rooms.POWER_LEVELS, "").map(e -> e.event().content()), creator);
    }

    static String joinRule(Connection c, RoomId room) throws SQLException {
        return RoomStore.stateEvent(c, room, Rooms.JOIN_RULES, "").map(e -> e.event().content().path("join_rule").asText())
                .orElse("invite");
    }

    static RuntimeException forbidden(String message) {
        return MatrixError.M_FORBIDDEN.withMessage(message).toException();
    }

}
