package org.matrixas.homeserver.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matrixas.homeserver.account.Secrets;
import org.matrixas.homeserver.store.Sql;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

/** The SQL of rooms: events in stream order, current state, memberships. Callers hold the transaction. */
final class RoomStore {
    private static final String EVENT_COLUMNS = "e.stream_ordering, e.json";

    private RoomStore() {
    }

    /** Appends an event, updating current state and memberships for state events. */
    static StoredEvent append(Connection c, RoomId room, UserId sender, String type, String stateKey,
            ObjectNode content, long ts) throws SQLException {
        return append(c, room, sender, type, stateKey, content, ts, Map.of());
    }

    /** Like the other {@code append}, with top-level fields beyond the client format's (a redaction's redacts). */
    static StoredEvent append(Connection c, RoomId room, UserId sender, String type, String stateKey,
            ObjectNode content, long ts, Map<String, JsonNode> extra) throws SQLException {
        EventId id = EventId.parse("$" + Secrets.random(24));
        ClientEvent event = new ClientEvent(id, type, sender, room, ts, content, stateKey, null, extra);
        String json = Json.writeString(event);
        long ordering = Sql.insert(c, "INSERT INTO events(event_id, room_id, type, state_key, sender, origin_server_ts,"
                + " json) VALUES (?,?,?,?,?,?,?)", id.toString(), room.toString(), type, stateKey, sender.toString(), ts,
                json);
        if (stateKey != null) {
            Sql.update(c, "INSERT INTO current_state(room_id, type, state_key, event_id, stream_ordering)"
                    + " VALUES (?,?,?,?,?) ON CONFLICT(room_id, type, state_key) DO UPDATE SET"
                    + " event_id = excluded.event_id, stream_ordering = excluded.stream_ordering",
                    room.toString(), type, stateKey, id.toString(), ordering);
            if (type.equals(Rooms.MEMBER)) {
                Sql.update(c, "INSERT INTO memberships(room_id, user_id, membership, stream_ordering) VALUES (?,?,?,?)"
                        + " ON CONFLICT(room_id, user_id) DO UPDATE SET membership = excluded.membership,"
                        + " stream_ordering = excluded.stream_ordering", room.toString(), stateKey,
                        content.path("membership").asText(), ordering);
            }
        }
        return new StoredEvent(ordering, event);
    }

    static StoredEvent row(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong(1), Json.read(rs.getString(2).getBytes(StandardCharsets.UTF_8),
                ClientEvent.class));
    }

    static Optional<StoredEvent> event(Connection c, EventId id) throws SQLException {
        return Sql.one(c, "SELECT " + EVENT_COLUMNS + " FROM events e WHERE e.event_id = ?", RoomStore::row,
                id.toString());
    }

    /** Replaces the stored form of an event (its redacted form); its place in the stream stays. */
    static void rewrite(Connection c, ClientEvent event) throws SQLException {
        Sql.update(c, "UPDATE events SET json = ? WHERE event_id = ?", Json.writeString(event),
                event.eventId().toString());
    }

    static Optional<StoredEvent> stateEvent(Connection c, RoomId room, String type, String key) throws SQLException {
        return Sql.one(c, "SELECT " + EVENT_COLUMNS + " FROM current_state s JOIN events e ON e.event_id = s.event_id"
                + " WHERE s.room_id = ? AND s.type = ? AND s.state_key = ?", RoomStore::row, room.toString(), type, key);
    }

    static List<StoredEvent> currentState(Connection c, RoomId room) throws SQLException {
        return Sql.list(c, "SELECT " + EVENT_COLUMNS + " FROM current_state s JOIN events e ON e.event_id = s.event_id"
                + " WHERE s.room_id = ? ORDER BY e.stream_ordering", RoomStore::row, room.toString());
    }

    static Optional<String> membership(Connection c, RoomId room, UserId user) throws SQLException {
        return Sql.one(c, "SELECT membership FROM memberships WHERE room_id = ? AND user_id = ?",
                rs -> rs.getString(1), room.toString(), user.toString());
    }

    static List<UserId> members(Connection c, RoomId room, String membership) throws SQLException {
        return Sql.list(c, "SELECT user_id FROM memberships WHERE room_id = ? AND membership = ? ORDER BY user_id",
                rs -> UserId.parse(rs.getString(1)), room.toString(), membership);
    }

    static List<RoomId> roomsOf(Connection c, UserId user, String membership) throws SQLException {
        return Sql.list(c, "SELECT room_id FROM memberships WHERE user_id = ? AND membership = ? ORDER BY room_id",
                rs -> RoomId.parse(rs.getString(1)), user.toString(), membership);
    }

    static boolean exists(Connection c, RoomId room) throws SQLException {
        return Sql.one(c, "SELECT 1 FROM rooms WHERE room_id = ?", rs -> true, room.toString()).isPresent();
    }

    static List<StoredEvent> eventsAfter(Connection c, long after, long upTo, int limit) throws SQLException {
        return Sql.list(c, "SELECT " + EVENT_COLUMNS + " FROM events e WHERE e.stream_ordering > ?"
                + " AND e.stream_ordering <= ? ORDER BY e.stream_ordering LIMIT ?", RoomStore::row, after, upTo, limit);
    }

    /** Like {@link #eventsAfter} without parsing the JSON: the pipeline splices the stored bytes. */
    static List<RawEvent> rawEventsAfter(Connection c, long after, long upTo, int limit) throws SQLException {
        return Sql.list(c, "SELECT stream_ordering, room_id, type, state_key, sender, json FROM events"
                + " WHERE stream_ordering > ? AND stream_ordering <= ? ORDER BY stream_ordering LIMIT ?",
                rs -> new RawEvent(rs.getLong(1), RoomId.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6).getBytes(StandardCharsets.UTF_8)), after, upTo, limit);
    }

    /** The latest {@code limit} events of a room in (after, upTo], oldest first. */
    static List<StoredEvent> latestInRoom(Connection c, RoomId room, long after, long upTo, int limit)
            throws SQLException {
        List<StoredEvent> newestFirst = Sql.list(c, "SELECT " + EVENT_COLUMNS + " FROM events e WHERE e.room_id = ?"
                + " AND e.stream_ordering > ? AND e.stream_ordering <= ? ORDER BY e.stream_ordering DESC LIMIT ?",
                RoomStore::row, room.toString(), after, upTo, limit);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /**
     * Up to {@code limit} events of a room with orderings in (low, high]: the newest first when {@code backwards},
     * else the oldest first.
     */
    static List<StoredEvent> page(Connection c, RoomId room, long low, long high, boolean backwards, int limit)
            throws SQLException {
        return Sql.list(c, "SELECT " + EVENT_COLUMNS + " FROM events e WHERE e.room_id = ? AND e.stream_ordering > ?"
                + " AND e.stream_ordering <= ? ORDER BY e.stream_ordering " + (backwards ? "DESC" : "ASC") + " LIMIT ?",
                RoomStore::row, room.toString(), low, high, limit);
    }

    static long head(Connection c) throws SQLException {
        return Sql.longValue(c, "SELECT MAX(stream_ordering) FROM events", 0);
    }
}
