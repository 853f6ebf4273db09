package org.matrixas.homeserver.ephemeral;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

/**
 * Typing notices, read receipts and presence: kept in memory (none of it survives a restart) and published as
 * {@link EphemeralEvent}s to a sink (the push pipeline). Typing expires after the client's timeout, which publishes
 * the room's shorter typing list. Permission checks (joined, own user) are the caller's.
 */
public final class Ephemeral implements AutoCloseable {
    /** Longest typing timeout honoured, as real servers cap it. */
    static final long MAX_TYPING_MS = 120_000;
    private final Consumer<EphemeralEvent> sink;
    private final Map<RoomId, Map<UserId, Long>> typing = new HashMap<>();
    private final Map<UserId, ObjectNode> presence = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    public Ephemeral(Consumer<EphemeralEvent> sink) {
        this.sink = Objects.requireNonNull(sink, "sink is null");
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "typing-expiry");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts or stops {@code user} typing in {@code room}; {@code timeout} bounds a start. */
    public void setTyping(RoomId room, UserId user, boolean isTyping, Duration timeout) {
        long ms = Math.max(1, Math.min(timeout.toMillis(), MAX_TYPING_MS));
        ObjectNode event;
        synchronized (typing) {
            Map<UserId, Long> users = typing.computeIfAbsent(room, r -> new TreeMap<>(
                    (a, b) -> a.toString().compareTo(b.toString())));
            boolean changed = isTyping ? users.put(user, System.nanoTime() + ms * 1_000_000) == null
                    : users.remove(user) != null;
            if (!changed) {
                return;
            }
            event = typingEvent(room, users);
        }
        if (isTyping) {
            timer.schedule(() -> expire(room), ms, TimeUnit.MILLISECONDS);
        }
        sink.accept(new EphemeralEvent(event, Optional.of(room), user));
    }

    private void expire(RoomId room) {
        ObjectNode event = null;
        UserId someone = null;
        synchronized (typing) {
            Map<UserId, Long> users = typing.getOrDefault(room, Map.of());
            long now = System.nanoTime();
            for (var it = users.entrySet().iterator(); it.hasNext();) {
                var e = it.next();
                if (e.getValue() - now <= 0) {
                    someone = e.getKey();
                    it.remove();
                }
            }
            if (someone != null) {
                event = typingEvent(room, users);
            }
        }
        if (event != null) {
            sink.accept(new EphemeralEvent(event, Optional.of(room), someone));
        }
    }

    private static ObjectNode typingEvent(RoomId room, Map<UserId, Long> users) {
        ObjectNode e = Json.object().put("type", "m.typing").put("room_id", room.toString());
        ArrayNode ids = e.putObject("content").putArray("user_ids");
        users.keySet().forEach(u -> ids.add(u.toString()));
        return e;
    }

    /** The users typing in a room now. */
    public java.util.List<UserId> typing(RoomId room) {
        synchronized (typing) {
            long now = System.nanoTime();
            return typing.getOrDefault(room, Map.of()).entrySet().stream().filter(e -> e.getValue() - now > 0)
                    .map(Map.Entry::getKey).toList();
        }
    }

    /** A receipt ({@code m.read}) of {@code user} for {@code event}; {@code threadId} may be null. */
    public void receipt(RoomId room, UserId user, String receiptType, EventId event, String threadId) {
        ObjectNode e = Json.object().put("type", "m.receipt").put("room_id", room.toString());
        ObjectNode r = e.putObject("content").putObject(event.toString()).putObject(receiptType)
                .putObject(user.toString()).put("ts", System.currentTimeMillis());
        if (threadId != null) {
            r.put("thread_id", threadId);
        }
        sink.accept(new EphemeralEvent(e, Optional.of(room), user));
    }

    /** Sets presence ({@code online}, {@code offline}, {@code unavailable}) and an optional status message. */
    public void setPresence(UserId user, String state, String statusMsg) {
        ObjectNode content = Json.object().put("presence", state).put("last_active_ago", 0)
                .put("currently_active", state.equals("online"));
        if (statusMsg != null) {
            content.put("status_msg", statusMsg);
        }
        presence.put(user, content.deepCopy().put("since", System.currentTimeMillis()));
        ObjectNode e = Json.object().put("type", "m.presence").put("sender", user.toString());
        e.set("content", content);
        sink.accept(new EphemeralEvent(e, Optional.empty(), user));
    }

    /** The user's presence as {@code GET /presence/{userId}/status} shows it ({@code offline} when never set). */
    public ObjectNode presence(UserId user) {
        ObjectNode stored = presence.get(user);
        ObjectNode out = Json.object();
        if (stored == null) {
            return out.put("presence", "offline");
        }
        out.put("presence", stored.path("presence").asText());
        out.put("last_active_ago", Math.max(0, System.currentTimeMillis() - stored.path("since").asLong()));
        out.put("currently_active", stored.path("currently_active").asBoolean());
        if (stored.has("status_msg")) {
            out.put("status_msg", stored.get("status_msg").asText());
        }
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
