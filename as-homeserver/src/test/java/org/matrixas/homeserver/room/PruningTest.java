package org.matrixas.homeserver.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

class PruningTest {
    private static final UserId ALICE = UserId.parse("@alice:localhost");
    private static final RoomId ROOM = RoomId.parse("!r:localhost");
    private static final ClientEvent REDACTION = new ClientEvent(EventId.parse("$redaction"), "m.room.redaction",
            ALICE, ROOM, 2, Json.object().put("redacts", "$target"), null, null,
            Map.of("redacts", TextNode.valueOf("$target")));

    private static ClientEvent event(String type, String stateKey, ObjectNode content, Map<String, JsonNode> extra) {
        return new ClientEvent(EventId.parse("$target"), type, ALICE, ROOM, 1, content, stateKey,
                Json.object().put("age", 5), extra);
    }

    @Test
    void prune_message_noContentUnknownTopLevelGoneProtectedStays_redactedBecauseSet() {
        ClientEvent pruned = Pruning.prune(event("m.room.message", null, Json.object().put("body", "secret")
                .put("msgtype", "m.text"), Map.of("origin", TextNode.valueOf("localhost"), "custom",
                TextNode.valueOf("x"))), REDACTION);
        assertEquals(Json.object(), pruned.content());
        assertEquals(Map.of("origin", TextNode.valueOf("localhost")), pruned.extra());
        assertEquals(REDACTION.toJson(), pruned.unsigned().get("redacted_because"));
        assertFalse(pruned.unsigned().has("age"));
        assertEquals(1, pruned.originServerTs());
        assertTrue(Pruning.isRedacted(pruned));
    }

    @Test
    void prune_createAndRedaction_roomVersion10Rules() {
        ClientEvent create = Pruning.prune(event("m.room.create", "", Json.object().put("creator", "@alice:localhost")
                .put("room_version", "10"), Map.of()), REDACTION);
        assertEquals(Json.object().put("creator", "@alice:localhost"), create.content());
        assertEquals("", create.stateKey());
        ClientEvent redaction = Pruning.prune(REDACTION, REDACTION);
        assertEquals(Json.object(), redaction.content(), "version 10 keeps no content of a redaction");
        assertEquals(Map.of(), redaction.extra(), "nor its top-level redacts");
    }

    @Test
    void isRedacted_freshEvent_false() {
        assertFalse(Pruning.isRedacted(event("m.room.message", null, Json.object(), Map.of())));
    }
}
