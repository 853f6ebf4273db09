package org.matrixas.homeserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

/** Typing, receipts, read markers and presence: the sources of ephemeral events. */
final class EphemeralHandlers {
    private static final Set<String> RECEIPTS = Set.of("m.read", "m.read.private", "m.fully_read");
    private static final Set<String> PRESENCE = Set.of("online", "offline", "unavailable");
    private final Services s;

    EphemeralHandlers(Services services) {
        this.s = services;
    }

    void register(Router r) {
        r.client("PUT", "/rooms/{roomId}/typing/{userId}", Router.Auth.USER, this::putTyping);
        r.client("POST", "/rooms/{roomId}/receipt/{receiptType}/{eventId}", Router.Auth.USER, this::postReceipt);
        r.client("POST", "/rooms/{roomId}/read_markers", Router.Auth.USER, this::postReadMarkers);
        r.client("PUT", "/presence/{userId}/status", Router.Auth.USER, this::putPresence);
        r.client("GET", "/presence/{userId}/status", Router.Auth.USER, this::getPresence);
    }

    private UserId self(Call c) {
        UserId user = c.userId("userId");
        if (!user.equals(c.requester().user())) {
            throw MatrixError.M_FORBIDDEN.withMessage("cannot act for " + user).toException();
        }
        return user;
    }

    private Object putTyping(Call c) {
        RoomId room = c.roomId("roomId");
        UserId user = self(c);
        JsonNode typing = c.body().get("typing");
        if (typing == null || !typing.isBoolean()) {
            throw MatrixError.M_BAD_JSON.withMessage("'typing' must be true or false").toException();
        }
        s.rooms().requireJoined(user, room);
        long timeout = c.body().path("timeout").asLong(30_000);
        s.ephemeral().setTyping(room, user, typing.asBoolean(), Duration.ofMillis(timeout));
        return Json.object();
    }

    private Object postReceipt(Call c) {
        RoomId room = c.roomId("roomId");
        String type = c.param("receiptType");
        EventId event = EventId.parse(c.param("eventId"));
        if (!RECEIPTS.contains(type)) {
            throw MatrixError.M_INVALID_PARAM.withMessage("unknown receipt type " + type).toException();
        }
        receipt(c, room, type, event, c.optString("thread_id").orElse(null));
        return Json.object();
    }

    private Object postReadMarkers(Call c) {
        RoomId room = c.roomId("roomId");
        for (String type : RECEIPTS) {
            String id = c.optString(type).orElse(null);
            if (id != null) {
                receipt(c, room, type, EventId.parse(id), null);
            }
        }
        return Json.object();
    }

    /** Only public read receipts leave the homeserver; private ones and the fully-read marker are checked only. */
    private void receipt(Call c, RoomId room, String type, EventId event, String threadId) {
        UserId user = c.requester().user();
        s.rooms().requireJoined(user, room);
        if (!s.rooms().roomOf(event).map(room::equals).orElse(false)) {
            throw MatrixError.M_NOT_FOUND.withMessage("no event " + event + " in " + room).toException();
        }
        if (type.equals("m.read")) {
            s.ephemeral().receipt(room, user, type, event, threadId);
        }
    }

    private Object putPresence(Call c) {
        UserId user = self(c);
        String presence = c.string("presence");
        if (!PRESENCE.contains(presence)) {
            throw MatrixError.M_INVALID_PARAM.withMessage("presence must be online, offline or unavailable")
                    .toException();
        }
        s.ephemeral().setPresence(user, presence, c.optString("status_msg").orElse(null));
        return Json.object();
    }

    private Object getPresence(Call c) {
        UserId user = c.userId("userId");
        if (!s.accounts().exists(user)) {
            throw MatrixError.M_NOT_FOUND.withMessage("unknown user " + user).toException();
        }
        return s.ephemeral().presence(user);
    }
}
