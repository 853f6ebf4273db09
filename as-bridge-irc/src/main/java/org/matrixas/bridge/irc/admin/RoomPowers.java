package org.matrixas.bridge.irc.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.matrixas.protocol.id.UserId;

/**
 * The levels of a room's {@code m.room.power_levels} content that {@code !plumb} and {@code !unlink} ask about, with
 * the spec's defaults (<a href="https://spec.matrix.org/v1.13/client-server-api/#mroompower_levels">spec</a>): a
 * user not listed has {@code users_default} (0), a state event not listed needs {@code state_default} (50). A room
 * without the event gives its creator 100 and everyone else 0.
 */
record RoomPowers(Optional<ObjectNode> content, Optional<UserId> creator) {
    /** The level of a room moderator, as matrix-appservice-irc's {@code !unlink} asks of a user. */
    static final int MODERATOR = 50;

    /** The level {@code user} has in the room. */
    int levelOf(UserId user) {
        if (content.isEmpty()) {
            return creator.filter(user::equals).isPresent() ? 100 : 0;
        }
        JsonNode listed = content.get().path("users").path(user.toString());
        return listed.isNumber() ? listed.asInt() : content.get().path("users_default").asInt(0);
    }

    /** The level needed to send a state event of {@code type}. */
    int stateLevel(String type) {
        if (content.isEmpty()) {
            return MODERATOR;
        }
        JsonNode listed = content.get().path("events").path(type);
        return listed.isNumber() ? listed.asInt() : content.get().path("state_default").asInt(MODERATOR);
    }

    /**
     * The level needed to bridge the room: that of changing its power levels, i.e. of running the room (as
     * matrix-appservice-irc's provisioning asks).
     */
    int plumbLevel() {
        return stateLevel("m.room.power_levels");
    }
}
