package org.matrixas.homeserver.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.matrixas.homeserver.account.Secrets;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code createRoom}: every initial event, in the specification's order (create, creator join, power levels,
 * canonical alias, preset rules, initial_state, name, topic, invites), written in one transaction.
 */
final class RoomCreator {
    private static final Logger LOG = LoggerFactory.getLogger(RoomCreator.class);
    private static final String ROOM_VERSION = "10";
    private final Rooms rooms;
    private final UserId creator;
    private final CreateRoomSpec spec;
    private final RoomId room;
    private final List<StoredEvent> events = new ArrayList<>();

    RoomCreator(Rooms rooms, UserId creator, CreateRoomSpec spec) {
        this.rooms = rooms;
        this.creator = creator;
        this.spec = spec;
        this.room = RoomId.of(Secrets.letters(18), rooms.serverName());
    }

    RoomId create() {
        rooms.commit(this::write);
        LOG.info("room {} created by {}{}", room, creator, spec.alias().map(a -> " as " + a).orElse(""));
        return room;
    }

    private List<StoredEvent> write(Connection c) throws SQLException {
        org.matrixas.homeserver.store.Sql.update(c, "INSERT INTO rooms(room_id, creator, created_ts) VALUES (?,?,?)",
                room.toString(), creator.toString(), Rooms.now());
        if (spec.alias().isPresent() && Aliases.insert(c, spec.alias().get(), room, creator) == 0) {
            throw MatrixError.M_ROOM_IN_USE.withMessage("alias " + spec.alias().get() + " already exists").toException();
        }
        ObjectNode create = spec.creationContent().map(ObjectNode::deepCopy).orElseGet(Json::object);
        create.put("creator", creator.toString()).put("room_version", ROOM_VERSION);
        state(c, Rooms.CREATE, "", create);
        state(c, Rooms.MEMBER, creator.toString(), rooms.memberContent(creator, "join"));
        state(c, Rooms.POWER_LEVELS, "", powerLevels());
        spec.alias().ifPresent(a -> put(c, "m.room.canonical_alias", "", Json.object().put("alias", a.toString())));
        boolean isPublic = spec.preset().equals("public_chat");
        state(c, Rooms.JOIN_RULES, "", Json.object().put("join_rule", isPublic ? "public" : "invite"));
        state(c, "m.room.history_visibility", "", Json.object().put("history_visibility", "shared"));
        if (!isPublic) {
            state(c, "m.room.guest_access", "", Json.object().put("guest_access", "can_join"));
        }
        for (ObjectNode s : spec.initialState()) {
            state(c, s.path("type").asText(), s.path("state_key").asText(""), content(s.get("content")));
        }
        spec.name().ifPresent(n -> put(c, "m.room.name", "", Json.object().put("name", n)));
        spec.topic().ifPresent(t -> put(c, "m.room.topic", "", Json.object().put("topic", t)));
        for (UserId invitee : spec.invite()) {
            ObjectNode content = Rooms.member("invite");
            if (spec.isDirect()) {
                content.put("is_direct", true);
            }
            state(c, Rooms.MEMBER, invitee.toString(), content);
        }
        return events;
    }

    private ObjectNode powerLevels() {
        ObjectNode pl = Json.object();
        ObjectNode users = pl.putObject("users").put(creator.toString(), 100);
        if (spec.preset().equals("trusted_private_chat")) {
            spec.invite().forEach(u -> users.put(u.toString(), 100));
        }
        pl.put("users_default", 0);
        ObjectNode ev = pl.putObject("events");
        for (Map.Entry<String, Integer> e : Map.of("m.room.name", 50, "m.room.power_levels", 100,
                "m.room.history_visibility", 100, "m.room.canonical_alias", 50, "m.room.avatar", 50,
                "m.room.tombstone", 100, "m.room.server_acl", 100, "m.room.encryption", 100).entrySet()) {
            ev.put(e.getKey(), e.getValue());
        }
        pl.put("events_default", 0).put("state_default", 50).put("ban", 50).put("kick", 50).put("redact", 50)
                .put("invite", 0);
        pl.putObject("notifications").put("room", 50);
        spec.powerLevelOverride().ifPresent(o -> {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                pl.set(f.getKey(), f.getValue().deepCopy());
            }
        });
        return pl;
    }

    private static ObjectNode content(JsonNode n) {
        return n instanceof ObjectNode o ? o : Json.object();
    }

    private void put(Connection c, String type, String key, ObjectNode content) {
        try {
            state(c, type, key, content);
        } catch (SQLException e) {
            throw new org.matrixas.homeserver.store.StoreException("createRoom failed: " + e.getMessage(), e);
        }
    }

    private void state(Connection c, String type, String key, ObjectNode content) throws SQLException {
        events.add(RoomStore.append(c, room, creator, type, key, content, Rooms.now()));
    }
}
