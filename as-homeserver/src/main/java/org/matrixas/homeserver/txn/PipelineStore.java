package org.matrixas.homeserver.txn;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.homeserver.room.Aliases;
import org.matrixas.homeserver.room.Rooms;
import org.matrixas.homeserver.room.StoredEvent;
import org.matrixas.homeserver.store.Database;
import org.matrixas.homeserver.store.Sql;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.json.Json;

/**
 * Per-service pipeline state: the cursor (last stream ordering considered), the txnId counter (never decreases,
 * also across unregister and re-register) and the pending transaction with its exact bytes. Building the next
 * transaction stores it and advances the cursor in one SQLite transaction, so a crash re-sends the same bytes
 * under the same txnId and skips nothing.
 */
final class PipelineStore {
    private static final int SCAN_BATCH = 500;

    /** A stored transaction waiting for the service's 2xx. */
    record Pending(String txnId, byte[] body, int events) {
    }

    /** How large a transaction may grow. */
    record Limits(int maxEvents, int maxBytes) {
    }

    private final Database db;
    private final Rooms rooms;
    private final Aliases aliases;

    PipelineStore(Database db, Rooms rooms, Aliases aliases) {
        this.db = db;
        this.rooms = rooms;
        this.aliases = aliases;
    }

    /** Creates the service's row at {@code head}; {@code fresh} restarts an existing row there and drops its queue. */
    void init(String asId, long head, boolean fresh) {
        db.write(c -> {
            int inserted = Sql.update(c, "INSERT INTO as_pipeline(as_id, cursor, txn_counter) VALUES (?,?,0)"
                    + " ON CONFLICT(as_id) DO NOTHING", asId, head);
            if (inserted == 0 && fresh) {
                Sql.update(c, "UPDATE as_pipeline SET cursor = ?, pending_txn_id = NULL, pending_body = NULL,"
                        + " pending_events = NULL WHERE as_id = ?", head, asId);
            }
            return null;
        });
    }

    Optional<Pending> pending(String asId) {
        return db.read(c -> Sql.one(c, "SELECT pending_txn_id, pending_body, pending_events FROM as_pipeline"
                + " WHERE as_id = ? AND pending_txn_id IS NOT NULL",
                rs -> new Pending(rs.getString(1), rs.getBytes(2), rs.getInt(3)), asId));
    }

    long cursor(String asId) {
        return db.read(c -> Sql.longValue(c, "SELECT cursor FROM as_pipeline WHERE as_id = ?", 0, asId));
    }

    long counter(String asId) {
        return db.read(c -> Sql.longValue(c, "SELECT txn_counter FROM as_pipeline WHERE as_id = ?", 0, asId));
    }

    /** Builds, stores and returns the next transaction of events in (cursor, head], if any interest the service. */
    Optional<Pending> buildNext(RegisteredService service, long head, Limits limits) {
        return db.write(c -> {
            long cursor = Sql.longValue(c, "SELECT cursor FROM as_pipeline WHERE as_id = ?", -1, service.id());
            if (cursor < 0 || cursor >= head) {
                return Optional.empty();
            }
            Batch batch = collect(service, cursor, head, limits);
            if (batch.events.isEmpty()) {
                Sql.update(c, "UPDATE as_pipeline SET cursor = ? WHERE as_id = ?", batch.last, service.id());
                return Optional.empty();
            }
            return Optional.of(store(c, service.id(), batch));
        });
    }

    private Pending store(Connection c, String asId, Batch batch) throws SQLException {
        long counter = Sql.longValue(c, "SELECT txn_counter FROM as_pipeline WHERE as_id = ?", 0, asId) + 1;
        byte[] body = Json.write(Transaction.of(batch.events));
        Pending p = new Pending(Long.toString(counter), body, batch.events.size());
        Sql.update(c, "UPDATE as_pipeline SET cursor = ?, txn_counter = ?, pending_txn_id = ?, pending_body = ?,"
                + " pending_events = ? WHERE as_id = ?", batch.last, counter, p.txnId(), body, p.events(), asId);
        return p;
    }

    private static final class Batch {
        final List<ClientEvent> events = new ArrayList<>();
        long last;
        int bytes;
    }

    private Batch collect(RegisteredService service, long cursor, long head, Limits limits) {
        Batch batch = new Batch();
        batch.last = cursor;
        Map<RoomId, Interest.RoomView> views = new HashMap<>();
        while (batch.last < head) {
            List<StoredEvent> scan = rooms.eventsAfter(batch.last, head, SCAN_BATCH);
            if (scan.isEmpty()) {
                batch.last = head;
                break;
            }
            for (StoredEvent e : scan) {
                ClientEvent ev = e.event();
                if (Interest.interested(service, ev, views.computeIfAbsent(ev.roomId(), this::view))) {
                    int size = Json.write(ev).length + 1;
                    if (!batch.events.isEmpty() && batch.bytes + size > limits.maxBytes()) {
                        return batch;
                    }
                    batch.events.add(ev);
                    batch.bytes += size;
                }
                batch.last = e.ordering();
                if (batch.events.size() >= limits.maxEvents()) {
                    return batch;
                }
            }
        }
        return batch;
    }

    private Interest.RoomView view(RoomId room) {
        return new Interest.RoomView(new HashSet<>(rooms.members(room, "join")), aliases.aliasesOf(room));
    }

    void delivered(String asId, String txnId) {
        db.write(c -> Sql.update(c, "UPDATE as_pipeline SET pending_txn_id = NULL, pending_body = NULL,"
                + " pending_events = NULL WHERE as_id = ? AND pending_txn_id = ?", asId, txnId));
    }

    /** Drops the queue (pending transaction) but keeps the counter, so txnIds never repeat. */
    void drop(String asId) {
        db.write(c -> Sql.update(c, "UPDATE as_pipeline SET pending_txn_id = NULL, pending_body = NULL,"
                + " pending_events = NULL WHERE as_id = ?", asId));
    }
}
