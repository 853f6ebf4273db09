package org.matrixas.homeserver.ephemeral;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

/**
 * An ephemeral event as an application service receives it in a transaction's {@code ephemeral} array.
 *
 * @param json the event ({@code type}, {@code content}, and {@code room_id} for room-scoped events)
 * @param room the room of a typing notice or receipt; empty for presence
 * @param user the user who typed, read or changed presence
 */
public record EphemeralEvent(ObjectNode json, Optional<RoomId> room, UserId user) {
    public EphemeralEvent {
        Objects.requireNonNull(json, "json is null");
        Objects.requireNonNull(room, "room is null");
        Objects.requireNonNull(user, "user is null");
        json = json.deepCopy();
    }

    public String type() {
        return json.path("type").asText();
    }
}
