package org.matrixas.homeserver.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.matrixas.homeserver.room.EventStream;
import org.matrixas.homeserver.room.Rooms;
import org.matrixas.homeserver.room.StoredEvent;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

/**
 * {@code GET /sync}: the stream token is {@code s<ordering>}. An initial sync returns every joined room with its
 * full current state and latest timeline events, plus invites; an incremental sync returns what happened after
 * the token, waiting on the {@link EventStream} (not a sleep loop) up to the client's timeout when nothing did.
 */
public final class SyncService {
    /** Timeline events per room per answer; more sets {@code limited}. */
    static final int TIMELINE_LIMIT = 20;
    /** The largest timeline limit a filter may ask for. */
    static final int MAX_TIMELINE_LIMIT = 100;
    private static final Set<String> INVITE_STATE = Set.of("m.room.create", "m.room.join_rules", "m.room.name",
            "m.room.canonical_alias", "m.room.avatar", "m.room.encryption");
    private final Rooms rooms;
    private final EventStream stream;

    public SyncService(Rooms rooms, EventStream stream) {
        this.rooms = rooms;
        this.stream = stream;
    }

    public ObjectNode sync(UserId user, Optional<String> since, Duration timeout) throws InterruptedException {
        return sync(user, since, timeout, TIMELINE_LIMIT);
    }

    /** {@code timelineLimit} caps the timeline events per room (a filter's {@code room.timeline.limit}). */
    public ObjectNode sync(UserId user, Optional<String> since, Duration timeout, int timelineLimit)
            throws InterruptedException {
        int limit = Math.max(1, Math.min(timelineLimit, MAX_TIMELINE_LIMIT));
        long head = stream.head();
        if (since.isEmpty()) {
            return answer(user, -1, head, limit);
        }
        long from = parse(since.get());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ObjectNode out = answer(user, Math.min(from, head), head, limit);
            long left = deadline - System.nanoTime();
            if (hasNews(out) || left <= 0 || stream.isClosed()) {
                return out;
            }
            head = stream.awaitBeyond(head, Duration.ofNanos(left));
        }
    }

    static long parse(String token) {
        try {
            if (token.startsWith("s")) {
                long v = Long.parseLong(token.substring(1));
                if (v >= 0) {
                    return v;
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the error
        }
        throw MatrixError.M_INVALID_PARAM.withMessage("since token '" + token + "' is not one of ours").toException();
    }

    /** {@code since} is -1 for an initial sync. */
    private ObjectNode answer(UserId user, long since, long head, int limit) {
        ObjectNode out = Json.object().put("next_batch", "s" + head);
        ObjectNode roomsNode = out.putObject("rooms");
        ObjectNode join = roomsNode.putObject("join");
        for (RoomId room : rooms.roomsOf(user, "join")) {
            joinedRoom(user, room, since, head, limit).ifPresent(r -> join.set(room.toString(), r));
        }
        ObjectNode invite = roomsNode.putObject("invite");
        for (RoomId room : rooms.roomsOf(user, "invite")) {
            Optional<StoredEvent> ev = rooms.stateEvent(room, Rooms.MEMBER, user.toString());
            if (ev.isPresent() && ev.get().ordering() > since && ev.get().ordering() <= head) {
                invite.set(room.toString(), inviteState(room, ev.get()));
            }
        }
        roomsNode.putObject("leave");
        out.putObject("presence").putArray("events");
        out.putObject("account_data").putArray("events");
        return out;
    }

    private Optional<ObjectNode> joinedRoom(UserId user, RoomId room, long since, long head, int limit) {
        List<StoredEvent> timeline = rooms.latestEvents(room, Math.max(since, 0), head, limit + 1);
        boolean limited = timeline.size() > limit;
        if (limited) {
            timeline = timeline.subList(1, timeline.size());
        }
        long joinedAt = rooms.stateEvent(room, Rooms.MEMBER, user.toString()).map(StoredEvent::ordering).orElse(0L);
        boolean full = since < 0 || joinedAt > since;
        if (!full && timeline.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode r = Json.object();
        ArrayNode state = r.putObject("state").putArray("events");
        if (full) {
            Set<EventId> inTimeline = new HashSet<>();
            timeline.forEach(e -> inTimeline.add(e.event().eventId()));
            for (StoredEvent e : rooms.currentState(room)) {
                if (e.ordering() <= head && (since < 0 || !inTimeline.contains(e.event().eventId()))) {
                    state.add(syncEvent(e));
                }
            }
        }
        ObjectNode tl = r.putObject("timeline");
        ArrayNode events = tl.putArray("events");
        timeline.forEach(e -> events.add(syncEvent(e)));
        tl.put("limited", limited);
        tl.put("prev_batch", "s" + (timeline.isEmpty() ? head : timeline.get(0).ordering() - 1));
        r.putObject("account_data").putArray("events");
        r.putObject("ephemeral").putArray("events");
        r.putObject("unread_notifications");
        return Optional.of(r);
    }

    private ObjectNode inviteState(RoomId room, StoredEvent invite) {
        ObjectNode r = Json.object();
        ArrayNode events = r.putObject("invite_state").putArray("events");
        for (StoredEvent e : rooms.currentState(room)) {
            if (INVITE_STATE.contains(e.event().type())) {
                events.add(stripped(e));
            }
        }
        events.add(stripped(invite));
        return r;
    }

    private static ObjectNode syncEvent(StoredEvent e) {
        ObjectNode n = e.event().toJson();
        n.remove("room_id");
        return n;
    }

    private static ObjectNode stripped(StoredEvent e) {
        ObjectNode n = Json.object().put("type", e.event().type()).put("state_key", e.event().stateKey())
                .put("sender", e.event().sender().toString());
        n.set("content", e.event().content());
        return n;
    }

    private static boolean hasNews(ObjectNode out) {
        ObjectNode r = (ObjectNode) out.get("rooms");
        return r.get("join").size() > 0 || r.get("invite").size() > 0;
    }
}
