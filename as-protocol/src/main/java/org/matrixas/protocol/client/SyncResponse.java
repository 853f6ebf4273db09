package org.matrixas.protocol.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.RoomId;

/**
 * The parts of a <a href="https://spec.matrix.org/v1.13/client-server-api/#get_matrixclientv3sync">{@code /sync}</a>
 * answer a bot or a test needs: the next batch token, joined rooms with their state and timeline, and invites.
 */
public record SyncResponse(String nextBatch, Map<RoomId, JoinedRoom> joined, Map<RoomId, ObjectNode> invited) {

    public SyncResponse {
        joined = Map.copyOf(joined);
        invited = Map.copyOf(invited);
    }

    /**
     * One joined room: its state and the new timeline events, in order. When {@code limited}, the server left out
     * events before the timeline; {@code prevBatch} (may be null) pages back to them through {@code /messages}.
     */
    public record JoinedRoom(List<ClientEvent> state, List<ClientEvent> timeline, boolean limited,
            String prevBatch) {
        public JoinedRoom {
            state = List.copyOf(state);
            timeline = List.copyOf(timeline);
        }

        /** A room whose timeline is complete. */
        public JoinedRoom(List<ClientEvent> state, List<ClientEvent> timeline) {
            this(state, timeline, false, null);
        }
    }

    /** Reads a sync body; sync events carry no {@code room_id}, so it is filled in from the map key. */
    public static SyncResponse fromJson(JsonNode body) {
        Map<RoomId, JoinedRoom> joined = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> rooms = body.path("rooms").path("join").fields();
        while (rooms.hasNext()) {
            Map.Entry<String, JsonNode> e = rooms.next();
            RoomId roomId = RoomId.parse(e.getKey());
            JsonNode timeline = e.getValue().path("timeline");
            joined.put(roomId, new JoinedRoom(events(roomId, e.getValue().path("state").path("events")),
                    events(roomId, timeline.path("events")), timeline.path("limited").asBoolean(false),
                    timeline.path("prev_batch").isTextual() ? timeline.get("prev_batch").asText() : null));
        }
        Map<RoomId, ObjectNode> invited = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> invites = body.path("rooms").path("invite").fields();
        while (invites.hasNext()) {
            Map.Entry<String, JsonNode> e = invites.next();
            if (e.getValue() instanceof ObjectNode o) {
                invited.put(RoomId.parse(e.getKey()), o);
            }
        }
        return new SyncResponse(body.path("next_batch").asText(""), joined, invited);
    }

    private static List<ClientEvent> events(RoomId roomId, JsonNode array) {
        List<ClientEvent> out = new ArrayList<>();
        for (JsonNode n : array) {
            if (n instanceof ObjectNode o) {
                ObjectNode copy = o.deepCopy();
                copy.put("room_id", roomId.toString());
                out.add(org.matrixas.protocol.json.Json.mapper().convertValue(copy, ClientEvent.class));
            }
        }
        return out;
    }
}
