package org.matrixas.homeserver.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.matrixas.homeserver.room.StoredEvent;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.json.Json;

/**
 * Events of a room one by one: redacting one, reading one by ID, and paging through the timeline
 * ({@code /messages}). Pagination tokens are the {@code s<ordering>} stream tokens {@code /sync} hands out, so a
 * timeline's {@code prev_batch} pages backwards from where the sync left off.
 */
final class EventHandlers {
    /** Events per page when the client does not say, as the specification's default. */
    static final int DEFAULT_LIMIT = 10;
    /** The largest page served, whatever the client asks for. */
    static final int MAX_LIMIT = 1000;
    private final Services s;

    EventHandlers(Services services) {
        this.s = services;
    }

    void register(Router r) {
        r.client("PUT", "/rooms/{roomId}/redact/{eventId}/{txnId}", Router.Auth.USER, this::putRedaction);
        r.client("GET", "/rooms/{roomId}/event/{eventId}", Router.Auth.USER, this::getEvent);
        r.client("GET", "/rooms/{roomId}/messages", Router.Auth.USER, this::getMessages);
    }

    /** <a href="https://spec.matrix.org/v1.13/client-server-api/#put_matrixclientv3roomsroomidredacteventidtxnid">spec</a> */
    private Object putRedaction(Call c) {
        Requester r = c.requester();
        RoomId room = c.roomId("roomId");
        EventId target = EventId.parse(c.param("eventId"));
        String reason = c.optString("reason").orElse(null);
        Long ts = r.isAppService() ? c.query("ts").map(Long::parseLong).orElse(null) : null;
        EventId id = s.rooms().redact(r.user(), room, target, reason, ts, r.txnScope(), c.param("txnId"));
        return Json.object().put("event_id", id.toString());
    }

    private Object getEvent(Call c) {
        return s.history().event(c.requester().user(), c.roomId("roomId"), EventId.parse(c.param("eventId"))).toJson();
    }

    /**
     * <a href="https://spec.matrix.org/v1.13/client-server-api/#get_matrixclientv3roomsroomidmessages">spec</a>:
     * {@code dir} (required), {@code from}, {@code to}, {@code limit}; a {@code filter} is accepted and ignored.
     * {@code end} is left out when the page is the last one.
     */
    private Object getMessages(Call c) {
        String dir = c.query("dir").orElseThrow(() -> MatrixError.M_MISSING_PARAM
                .withMessage("'dir' is required (b or f)").toException());
        if (!dir.equals("b") && !dir.equals("f")) {
            throw MatrixError.M_INVALID_PARAM.withMessage("'dir' must be b or f, not '" + dir + "'").toException();
        }
        boolean backwards = dir.equals("b");
        int limit = limit(c);
        long from = c.query("from").map(t -> token(t, "from")).orElse(backwards ? s.history().head() : 0L);
        Long to = c.query("to").map(t -> token(t, "to")).orElse(null);
        long low = backwards ? (to == null ? 0 : to) : from;
        long high = backwards ? from : (to == null ? Long.MAX_VALUE : to);
        List<StoredEvent> page = s.history().page(c.requester().user(), c.roomId("roomId"), low, high, backwards, limit);
        ObjectNode out = Json.object().put("start", "s" + from);
        ArrayNode chunk = out.putArray("chunk");
        page.forEach(e -> chunk.add(e.event().toJson()));
        if (page.size() == limit) {
            long last = page.get(page.size() - 1).ordering();
            out.put("end", "s" + (backwards ? last - 1 : last));
        }
        return out;
    }

    private static int limit(Call c) {
        String raw = c.query("limit").orElse(null);
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int v = Integer.parseInt(raw);
            if (v > 0) {
                return Math.min(v, MAX_LIMIT);
            }
        } catch (NumberFormatException e) {
            // fall through to the error
        }
        throw MatrixError.M_INVALID_PARAM.withMessage("'limit' must be a positive integer, not '" + raw + "'")
                .toException();
    }

    private static long token(String t, String name) {
        try {
            if (t.startsWith("s")) {
                long v = Long.parseLong(t.substring(1));
                if (v >= 0) {
                    return v;
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the error
        }
        throw MatrixError.M_INVALID_PARAM.withMessage("'" + name + "' token '" + t + "' is not one of ours")
                .toException();
    }
}
