package org.matrixas.homeserver.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.json.Json;

/**
 * The redaction algorithm of the room version this homeserver creates (10; its rules are those of
 * <a href="https://spec.matrix.org/v1.13/rooms/v9/#redactions">room version 9</a>): the content keeps only the
 * keys its type needs for authorisation, every other content key goes, and of the top-level fields only the
 * protected ones stay. The pruned event carries the redaction in {@code unsigned.redacted_because}
 * (<a href="https://spec.matrix.org/v1.13/client-server-api/#redactions">spec</a>).
 */
final class Pruning {
    /** Content keys kept per event type; every other type keeps none. */
    private static final Map<String, Set<String>> CONTENT_KEPT = Map.of(
            Rooms.MEMBER, Set.of("membership", "join_authorised_via_users_server"),
            Rooms.CREATE, Set.of("creator"),
            Rooms.JOIN_RULES, Set.of("join_rule", "allow"),
            Rooms.POWER_LEVELS, Set.of("ban", "events", "events_default", "kick", "redact", "state_default", "users",
                    "users_default"),
            "m.room.history_visibility", Set.of("history_visibility"));
    /** Protected top-level fields beyond those {@link ClientEvent} names (all of which are kept). */
    private static final Set<String> EXTRA_KEPT = Set.of("hashes", "signatures", "depth", "prev_events",
            "prev_state", "auth_events", "origin", "membership");

    private Pruning() {
    }

    /** {@code event} as it reads once {@code redaction} has redacted it. */
    static ClientEvent prune(ClientEvent event, ClientEvent redaction) {
        Set<String> keep = CONTENT_KEPT.getOrDefault(event.type(), Set.of());
        ObjectNode content = Json.object();
        event.content().fields().forEachRemaining(f -> {
            if (keep.contains(f.getKey())) {
                content.set(f.getKey(), f.getValue());
            }
        });
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        event.extra().forEach((k, v) -> {
            if (EXTRA_KEPT.contains(k)) {
                extra.put(k, v);
            }
        });
        ObjectNode unsigned = Json.object();
        unsigned.set("redacted_because", redaction.toJson());
        return new ClientEvent(event.eventId(), event.type(), event.sender(), event.roomId(), event.originServerTs(),
                content, event.stateKey(), unsigned, extra);
    }

    static boolean isRedacted(ClientEvent event) {
        return event.unsigned() != null && event.unsigned().has("redacted_because");
    }
}
