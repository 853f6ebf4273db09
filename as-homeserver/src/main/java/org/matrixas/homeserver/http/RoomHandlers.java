package org.matrixas.homeserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.matrixas.homeserver.room.CreateRoomSpec;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

/** createRoom, membership, send, state and member lists. */
final class RoomHandlers {
    private final Services s;

    RoomHandlers(Services services) {
        this.s = services;
    }

    void register(Router r) {
        r.client("POST", "/createRoom", Router.Auth.USER, this::createRoom);
        r.client("POST", "/join/{room}", Router.Auth.USER, this::join);
        r.client("POST", "/rooms/{roomId}/join", Router.Auth.USER, this::join);
        r.client("POST", "/rooms/{roomId}/leave", Router.Auth.USER, this::leave);
        r.client("POST", "/rooms/{roomId}/invite", Router.Auth.USER, this::invite);
        r.client("POST", "/rooms/{roomId}/kick", Router.Auth.USER, this::kick);
        r.client("PUT", "/rooms/{roomId}/send/{type}/{txnId}", Router.Auth.USER, this::send);
        r.client("PUT", "/rooms/{roomId}/state/{type}", Router.Auth.USER, this::putState);
        r.client("PUT", "/rooms/{roomId}/state/{type}/{stateKey?}", Router.Auth.USER, this::putState);
        r.client("GET", "/rooms/{roomId}/state/{type}", Router.Auth.USER, this::getState);
        r.client("GET", "/rooms/{roomId}/state/{type}/{stateKey?}", Router.Auth.USER, this::getState);
        r.client("GET", "/rooms/{roomId}/state", Router.Auth.USER, this::getAllState);
        r.client("GET", "/rooms/{roomId}/joined_members", Router.Auth.USER, this::joinedMembers);
        r.client("GET", "/rooms/{roomId}/members", Router.Auth.USER, this::members);
        r.client("GET", "/joined_rooms", Router.Auth.USER, this::joinedRooms);
    }

    private Object createRoom(Call c) {
        Requester r = c.requester();
        Optional<RoomAlias> alias = c.optString("room_alias_name").map(n -> RoomAlias.of(n, s.serverName()));
        if (alias.isPresent()) {
            s.registry().checkAliasChange(alias.get(), r.serviceOrNull());
            if (s.aliases().resolve(alias.get()).isPresent()) {
                throw MatrixError.M_ROOM_IN_USE.withMessage("alias " + alias.get() + " already exists").toException();
            }
        }
        boolean isPublic = c.optString("visibility").orElse("private").equals("public");
        String preset = c.optString("preset").orElse(isPublic ? "public_chat" : "private_chat");
        List<UserId> invite = new ArrayList<>();
        for (JsonNode n : array(c, "invite")) {
            UserId u = UserId.parse(n.asText());
            requireKnownUser(u);
            invite.add(u);
        }
        List<ObjectNode> initialState = new ArrayList<>();
        for (JsonNode n : array(c, "initial_state")) {
            if (!(n instanceof ObjectNode o) || !n.path("type").isTextual() || !n.path("content").isObject()) {
                throw MatrixError.M_BAD_JSON.withMessage("initial_state entries need 'type' and 'content'").toException();
            }
            initialState.add(o);
        }
        CreateRoomSpec spec = new CreateRoomSpec(alias, c.optString("name"), c.optString("topic"), preset, invite,
                c.bool("is_direct"), initialState, object(c, "power_level_content_override"),
                object(c, "creation_content"));
        RoomId room = s.rooms().create(r.user(), spec);
        if (isPublic) {
            s.aliases().setPublished(room, r.user(), true);
        }
        return Json.object().put("room_id", room.toString());
    }

    private static Iterable<JsonNode> array(Call c, String field) {
        JsonNode v = c.body().get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw MatrixError.M_BAD_JSON.withMessage("'" + field + "' must be a list").toException();
        }
        return v;
    }

    private static Optional<ObjectNode> object(Call c, String field) {
        JsonNode v = c.body().get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!(v instanceof ObjectNode o)) {
            throw MatrixError.M_BAD_JSON.withMessage("'" + field + "' must be an object").toException();
        }
        return Optional.of(o);
    }

    private Object join(Call c) {
        String target = c.param("room") != null ? c.param("room") : c.param("roomId");
        RoomId room;
        if (target.startsWith("#")) {
            RoomAlias alias = RoomAlias.parse(target);
            room = s.queries().resolveAlias(alias).orElseThrow(() -> MatrixError.M_NOT_FOUND
                    .withMessage("room alias " + alias + " not found").toException());
        } else {
            room = RoomId.parse(target);
        }
        s.rooms().join(c.requester().user(), room);
        return Json.object().put("room_id", room.toString());
    }

    private Object leave(Call c) {
        s.rooms().leave(c.requester().user(), c.roomId("roomId"));
        return Json.object();
    }

    private Object invite(Call c) {
        RoomId room = c.roomId("roomId");
        UserId target = UserId.parse(c.string("user_id"));
        requireKnownUser(target);
        s.rooms().invite(c.requester().user(), room, target);
        return Json.object();
    }

    private Object kick(Call c) {
        RoomId room = c.roomId("roomId");
        UserId target = UserId.parse(c.string("user_id"));
        s.rooms().kick(c.requester().user(), room, target, c.optString("reason").orElse(null));
        return Json.object();
    }

    private void requireKnownUser(UserId user) {
        if (!s.accounts().isLocal(user)) {
            throw MatrixError.M_FORBIDDEN.withMessage("federation is not supported: " + user).toException();
        }
        if (!s.queries().userExists(user)) {
            throw MatrixError.M_NOT_FOUND.withMessage("unknown user " + user).toException();
        }
    }

    private Object send(Call c) {
        Requester r = c.requester();
        RoomId room = c.roomId("roomId");
        var id = s.rooms().send(r.user(), room, c.param("type"), c.body(), ts(c, r), r.txnScope(), c.param("txnId"));
        return Json.object().put("event_id", id.toString());
    }

    private Object putState(Call c) {
        Requester r = c.requester();
        RoomId room = c.roomId("roomId");
        String key = c.param("stateKey") == null ? "" : c.param("stateKey");
        var id = s.rooms().setState(r.user(), room, c.param("type"), key, c.body(), ts(c, r));
        return Json.object().put("event_id", id.toString());
    }

    /** {@code ?ts=} massages origin_server_ts, for application services only. */
    private static Long ts(Call c, Requester r) {
        if (!r.isAppService()) {
            return null;
        }
        return c.query("ts").map(Long::parseLong).orElse(null);
    }

    private Object getState(Call c) {
        RoomId room = c.roomId("roomId");
        String key = c.param("stateKey") == null ? "" : c.param("stateKey");
        return s.rooms().stateContent(c.requester().user(), room, c.param("type"), key)
                .orElseThrow(() -> MatrixError.M_NOT_FOUND.withMessage("no such state event").toException());
    }

    private Object getAllState(Call c) {
        ArrayNode out = Json.mapper().createArrayNode();
        s.rooms().state(c.requester().user(), c.roomId("roomId")).forEach(e -> out.add(e.toJson()));
        return out;
    }

    private Object joinedMembers(Call c) {
        ObjectNode joined = Json.object();
        s.rooms().joinedMembers(c.requester().user(), c.roomId("roomId")).forEach((u, content) -> {
            ObjectNode m = joined.putObject(u.toString());
            if (content.path("displayname").isTextual()) {
                m.put("display_name", content.get("displayname").asText());
            }
            if (content.path("avatar_url").isTextual()) {
                m.put("avatar_url", content.get("avatar_url").asText());
            }
        });
        ObjectNode out = Json.object();
        out.set("joined", joined);
        return out;
    }

    /** The member events of the current state ({@code at}, {@code membership} filters are not supported). */
    private Object members(Call c) {
        ObjectNode out = Json.object();
        ArrayNode chunk = out.putArray("chunk");
        s.rooms().state(c.requester().user(), c.roomId("roomId")).stream()
                .filter(e -> e.type().equals("m.room.member")).forEach(e -> chunk.add(e.toJson()));
        return out;
    }

    private Object joinedRooms(Call c) {
        ObjectNode out = Json.object();
        ArrayNode rooms = out.putArray("joined_rooms");
        s.rooms().roomsOf(c.requester().user(), "join").forEach(r -> rooms.add(r.toString()));
        return out;
    }
}
