package org.matrixas.homeserver.room;

import java.util.List;
import org.matrixas.homeserver.store.Database;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

/**
 * A room's timeline as its members read it: one event by ID and pages of events in stream order, as stored (so a
 * redacted event reads pruned). Members see the whole history (the rooms this server creates have
 * {@code shared} history visibility); others get 403, and an unknown room 404.
 */
public final class RoomHistory {
    private final Database db;
    private final EventStream stream;

    public RoomHistory(Database db, EventStream stream) {
        this.db = db;
        this.stream = stream;
    }

    /** The highest stream ordering announced: where a page without a start begins. */
    public long head() {
        return stream.head();
    }

    /** The event {@code id} of {@code room}; 404 {@code M_NOT_FOUND} when there is none in this room. */
    public ClientEvent event(UserId requester, RoomId room, EventId id) {
        return db.read(c -> {
            RoomRules.requireJoined(c, room, requester);
            return RoomStore.event(c, id).map(StoredEvent::event).filter(e -> e.roomId().equals(room))
                    .orElseThrow(() -> MatrixError.M_NOT_FOUND.withMessage("no event " + id + " in " + room)
                            .toException());
        });
    }

    /**
     * Up to {@code limit} events of {@code room} with stream orderings in (low, high]: the newest first when
     * {@code backwards}, else the oldest first.
     */
    public List<StoredEvent> page(UserId requester, RoomId room, long low, long high, boolean backwards, int limit) {
        return db.read(c -> {
            RoomRules.requireJoined(c, room, requester);
            return RoomStore.page(c, room, low, high, backwards, limit);
        });
    }
}
