package org.matrixas.protocol.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

/**
 * A room event in the <a href="https://spec.matrix.org/v1.13/client-server-api/#room-event-format">client
 * format</a>, as pushed to an application service in a transaction and returned by {@code /sync}.
 *
 * <p>Events are open-ended JSON: fields this type does not name are kept in {@link #extra()} and written back, so
 * nothing is lost on a round trip.
 */
public record ClientEvent(
        EventId eventId,
        String type,
        UserId sender,
        RoomId roomId,
        long originServerTs,
        ObjectNode content,
        String stateKey,
        ObjectNode unsigned,
        Map<String, JsonNode> extra) {

    public ClientEvent {
        Objects.requireNonNull(eventId, "eventId is null");
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(sender, "sender is null");
        Objects.requireNonNull(roomId, "roomId is null");
        content = content == null ? Json.object() : content.deepCopy();
        unsigned = unsigned == null ? null : unsigned.deepCopy();
        extra = Map.copyOf(extra == null ? Map.of() : extra);
    }

    /** A message or state event without unsigned data or extra fields. */
    public static ClientEvent of(EventId eventId, String type, UserId sender, RoomId roomId, long ts, ObjectNode content,
            String stateKey) {
        return new ClientEvent(eventId, type, sender, roomId, ts, content, stateKey, null, Map.of());
    }

    public boolean isState() {
        return stateKey != null;
    }

    public Optional<String> stateKeyOpt() {
        return Optional.ofNullable(stateKey);
    }

    /** A string field of the content, if present and a string. */
    public Optional<String> contentString(String key) {
        JsonNode node = content.get(key);
        return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    @JsonCreator
    static ClientEvent fromJson(ObjectNode node) {
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!KNOWN.containsKey(f.getKey())) {
                extra.put(f.getKey(), f.getValue());
            }
        }
        JsonNode content = node.get("content");
        JsonNode unsigned = node.get("unsigned");
        JsonNode stateKey = node.get("state_key");
        return new ClientEvent(
                EventId.parse(text(node, "event_id")),
                text(node, "type"),
                UserId.parse(text(node, "sender")),
                RoomId.parse(text(node, "room_id")),
                node.path("origin_server_ts").asLong(0),
                content instanceof ObjectNode o ? o : null,
                stateKey != null && stateKey.isTextual() ? stateKey.asText() : null,
                unsigned instanceof ObjectNode u ? u : null,
                extra);
    }

    private static final Map<String, Boolean> KNOWN = Map.of("event_id", true, "type", true, "sender", true,
            "room_id", true, "origin_server_ts", true, "content", true, "state_key", true, "unsigned", true);

    private static String text(ObjectNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("event field '" + field + "' is missing or not a string");
        }
        return v.asText();
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("event_id", eventId.toString());
        node.put("type", type);
        node.put("sender", sender.toString());
        node.put("room_id", roomId.toString());
        node.put("origin_server_ts", originServerTs);
        node.set("content", content.deepCopy());
        if (stateKey != null) {
            node.put("state_key", stateKey);
        }
        if (unsigned != null) {
            node.set("unsigned", unsigned.deepCopy());
        }
        extra.forEach((k, v) -> node.set(k, v.deepCopy()));
        return node;
    }
}
