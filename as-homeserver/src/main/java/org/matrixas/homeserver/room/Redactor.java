package org.matrixas.homeserver.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

/**
 * One redaction (<a href="https://spec.matrix.org/v1.13/client-server-api/#redactions">spec</a>), inside the
 * caller's transaction: checks, appends the {@code m.room.redaction} event, and stores the redacted event pruned.
 *
 * <p>Whoever may send {@code m.room.redaction} may redact their own events; another user's events need the
 * {@code redact} power level as well. The event carries {@code redacts} both in its content (where room version
 * 11 puts it) and at the top level (where clients of earlier room versions, such as ours, look). A current state
 * event that is redacted stays the current state, pruned. An event already redacted keeps its first
 * {@code redacted_because}; redacting it again is not an error.
 */
final class Redactor {
    static final String REDACTION = "m.room.redaction";

    private Redactor() {
    }

    static StoredEvent redact(Connection c, UserId sender, RoomId room, EventId target, String reason, long ts)
            throws SQLException {
        RoomRules.requireJoined(c, room, sender);
        StoredEvent redacted = RoomStore.event(c, target).filter(e -> e.event().roomId().equals(room))
                .orElseThrow(() -> MatrixError.M_NOT_FOUND.withMessage("no event " + target + " in " + room)
                        .toException());
        PowerLevels pl = RoomRules.powerLevels(c, room);
        if (!pl.may(sender, REDACTION, false)) {
            throw RoomRules.forbidden(sender + " may not send " + REDACTION + " in " + room);
        }
        boolean own = redacted.event().sender().equals(sender);
        if (!own && pl.userLevel(sender) < pl.action("redact", 50)) {
            throw RoomRules.forbidden(sender + " may not redact events of " + redacted.event().sender() + " in "
                    + room);
        }
        ObjectNode content = Json.object().put("redacts", target.toString());
        if (reason != null) {
            content.put("reason", reason);
        }
        Map<String, JsonNode> extra = Map.of("redacts", TextNode.valueOf(target.toString()));
        StoredEvent redaction = RoomStore.append(c, room, sender, REDACTION, null, content, ts, extra);
        if (!Pruning.isRedacted(redacted.event())) {
            RoomStore.rewrite(c, Pruning.prune(redacted.event(), redaction.event()));
        }
        return redaction;
    }
}
