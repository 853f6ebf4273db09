package org.matrixas.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.SyncResponse;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.http.PercentCodec;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

/**
 * A Matrix user for tests: the Client-Server calls of {@link HomeserverClient} plus {@code /sync}-driven waits.
 * Every event the user's syncs return is kept, so an await also finds events that arrived before it was called;
 * when an incremental sync leaves events out ({@code limited}, more than the server's per-room limit arrived since
 * the last one), they are fetched through {@code /messages}, so {@link #events} has every event since the first
 * sync, once and in order. Not thread-safe: one test thread drives it.
 */
public final class MatrixClient {
    private final UserId userId;
    private final HomeserverClient api;
    private final List<ClientEvent> seen = new ArrayList<>();
    private final Set<EventId> seenIds = new HashSet<>();
    private String since;

    public MatrixClient(UserId userId, HomeserverClient api) {
        this.userId = Objects.requireNonNull(userId, "userId is null");
        this.api = Objects.requireNonNull(api, "api is null");
    }

    public UserId userId() {
        return userId;
    }

    /** The underlying client, for any call this class does not wrap. */
    public HomeserverClient api() {
        return api;
    }

    /** Joins a room by ID or alias. */
    public RoomId join(String roomIdOrAlias) {
        return api.join(roomIdOrAlias);
    }

    public void sendText(RoomId room, String body) {
        api.sendText(room, body);
    }

    /** Waits for an {@code m.room.message} in {@code room} whose event matches, syncing until the deadline. */
    public ClientEvent awaitMessage(RoomId room, Predicate<ClientEvent> matches, Duration timeout) {
        return awaitEvent(room, e -> e.type().equals("m.room.message") && matches.test(e), timeout);
    }

    /** Waits for a message whose body equals {@code body}. */
    public ClientEvent awaitText(RoomId room, String body, Duration timeout) {
        return awaitMessage(room, e -> body.equals(e.contentString("body").orElse(null)), timeout);
    }

    /** Waits for any timeline or state event in {@code room} that matches. */
    public ClientEvent awaitEvent(RoomId room, Predicate<ClientEvent> matches, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int checked = 0;
        while (true) {
            for (; checked < seen.size(); checked++) {
                ClientEvent e = seen.get(checked);
                if (e.roomId().equals(room) && matches.test(e)) {
                    return e;
                }
            }
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new AssertionError("no matching event in " + room + " for " + userId + " within " + timeout
                        + "; saw " + describe(room));
            }
            syncOnce(left.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : left);
        }
    }

    /** Every event seen so far in {@code room}, in order. */
    public List<ClientEvent> events(RoomId room) {
        return seen.stream().filter(e -> e.roomId().equals(room)).toList();
    }

    private void syncOnce(Duration wait) {
        boolean incremental = since != null;
        SyncResponse r = api.sync(since, wait);
        since = r.nextBatch();
        r.joined().forEach((roomId, room) -> {
            room.state().forEach(this::remember);
            if (incremental && room.limited() && room.prevBatch() != null) {
                missedBefore(roomId, room.prevBatch()).forEach(this::remember);
            }
            room.timeline().forEach(this::remember);
        });
    }

    private void remember(ClientEvent e) {
        if (e.eventId() == null || seenIds.add(e.eventId())) {
            seen.add(e);
        }
    }

    /** The events before {@code token} back to the last one already seen, oldest first. */
    private List<ClientEvent> missedBefore(RoomId room, String token) {
        List<ClientEvent> missed = new ArrayList<>();
        String from = token;
        while (from != null) {
            JsonNode page = api.get("/_matrix/client/v3/rooms/" + PercentCodec.encode(room.toString())
                    + "/messages?dir=b&limit=100&from=" + PercentCodec.encode(from));
            for (JsonNode n : page.path("chunk")) {
                ObjectNode event = ((ObjectNode) n).deepCopy().put("room_id", room.toString());
                ClientEvent e = Json.mapper().convertValue(event, ClientEvent.class);
                if (seenIds.contains(e.eventId())) {
                    Collections.reverse(missed);
                    return missed;
                }
                missed.add(e);
            }
            from = page.path("end").isTextual() ? page.get("end").asText() : null;
        }
        Collections.reverse(missed);
        return missed;
    }

    private String describe(RoomId room) {
        List<String> lines = new ArrayList<>();
        for (ClientEvent e : events(room)) {
            lines.add(e.type() + " from " + e.sender() + " " + e.content());
        }
        int from = Math.max(0, lines.size() - 10);
        return lines.subList(from, lines.size()).toString();
    }
}
