package org.matrixas.homeserver.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.matrixas.protocol.id.UserId;

/**
 * The power-level rules of a room (<a href="https://spec.matrix.org/v1.13/client-server-api/#mroompower_levels">
 * m.room.power_levels</a>): who may send what. Without a power-levels event the creator has 100 and everyone else
 * 0, and state needs 0.
 */
record PowerLevels(Optional<ObjectNode> content, UserId creator) {

    int userLevel(UserId user) {
        if (content.isEmpty()) {
            return user.equals(creator) ? 100 : 0;
        }
        JsonNode users = content.get().path("users");
        JsonNode level = users.get(user.toString());
        return level != null && level.canConvertToInt() ? level.asInt() : intField("users_default", 0);
    }

    int required(String eventType, boolean state) {
        if (content.isEmpty()) {
            return 0;
        }
        JsonNode events = content.get().path("events").get(eventType);
        if (events != null && events.canConvertToInt()) {
            return events.asInt();
        }
        return state ? intField("state_default", 50) : intField("events_default", 0);
    }

    int action(String name, int dflt) {
        return content.isEmpty() ? (name.equals("invite") ? 0 : 50) : intField(name, dflt);
    }

    boolean may(UserId user, String eventType, boolean state) {
        return userLevel(user) >= required(eventType, state);
    }

    private int intField(String name, int dflt) {
        JsonNode n = content.get().get(name);
        return n != null && n.canConvertToInt() ? n.asInt() : dflt;
    }
}
