package org.matrixas.homeserver.txn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.homeserver.room.Aliases;
import org.matrixas.homeserver.room.Rooms;
import org.matrixas.homeserver.room.RawEvent;
import org.matrixas.homeserver.store.Database;
import org.matrixas.homeserver.store.Sql;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

/**
 * Per-service pipeline state: the cursor (last stream ordering considered), the txnId counter (never decreases,
 * also across unregister and re-register) and the pending transaction with its exact bytes. Building the next
 * transaction stores it and advances the cursor in one SQLite transaction, so a crash re-sends the same bytes
 * under the same txnId and skips nothing.
 */
final class PipelineStore {
    private static final int SCAN_BATCH = 500;
    /** The recent events every sender reads from memory (see {@link EventWindow}): at most this many, or bytes. */
    private static final int WINDOW_EVENTS = 20_000;
    private static final long WINDOW_BYTES = 32L << 20;
    static final String UNSTABLE_EPHEMERAL = "de.sorunome.msc2409.ephemeral";

    /** A stored transaction waiting for the service's 2xx. */
    record Pending(String txnId, byte[] body, int events) {
    }

    /** Where a service stands: its cursor and the events of its pending transaction (0 when none). */
    record Backlog(long cursor, int pendingEvents) {
    }

    /** How large a transaction may grow. */
    record Limits(int maxEvents, int maxBytes) {
    }

    private final Database db;
    private final InterestIndex interest;
    private final MemberFeed members;
    private final EventWindow window;

    /** A store deciding interest for whichever services it is asked about (tests). */
    PipelineStore(Database db, Rooms rooms, Aliases aliases) {
        this(db, rooms, aliases, List::of);
    }

    PipelineStore(Database db, Rooms rooms, Aliases aliases,
            Supplier<? extends Collection<RegisteredService>> services) {
        this.db = db;
        this.interest = new InterestIndex(services, new InterestIndex.RoomFacts() {
            @Override
            public List<UserId> joined(RoomId room) {
                return rooms.members(room, "join");
            }

            @Override
            public List<RoomAlias> aliases(RoomId room) {
                return aliases.aliasesOf(room);
            }
        });
        aliases.addListener(new Aliases.Listener() {
            @Override
            public void changing(RoomId room) {
                interest.aliasesChanging(room);
            }

            @Override
            public void changed(RoomId room) {
                interest.aliasesChanged(room);
            }
        });
        long head = db.read(c -> Sql.longValue(c, "SELECT MAX(stream_ordering) FROM events", 0));
        this.window = new EventWindow(rooms, head, WINDOW_EVENTS, WINDOW_BYTES);
        this.members = new MemberFeed(window, interest, head);
    }

    InterestIndex interest() {
        return interest;
    }

    /** Brings the interest index's membership up to {@code ordering} (see {@link MemberFeed}). */
    void catchUp(long ordering) {
        members.catchUp(ordering);
    }

    /** Creates the service's row at {@code head}; {@code fresh} restarts an existing row there and drops its queue. */
    void init(String asId, long head, boolean fresh) {
        db.write(c -> {
            int inserted = Sql.update(c, "INSERT INTO as_pipeline(as_id, cursor, txn_counter) VALUES (?,?,0)"
                    + " ON CONFLICT(as_id) DO NOTHING", asId, head);
            if (inserted == 0 && fresh) {
                Sql.update(c, "UPDATE as_pipeline SET cursor = ?, pending_txn_id = NULL, pending_body = NULL,"
                        + " pending_events = NULL WHERE as_id = ?", head, asId);
            } else if (inserted == 0) {
                // A service that was removed (cursor -1) and is back starts at the head, without the old backlog.
                Sql.update(c, "UPDATE as_pipeline SET cursor = ? WHERE as_id = ? AND cursor < 0", head, asId);
            }
            return null;
        });
    }

    Optional<Pending> pending(String asId) {
        return db.read(c -> pending(c, asId));
    }

    /** The backlog of every attached service (cursor not -1), by id, in one read. */
    Map<String, Backlog> backlogs() {
        Map<String, Backlog> out = new HashMap<>();
        db.read(c -> Sql.list(c, "SELECT as_id, cursor, COALESCE(pending_events, 0) FROM as_pipeline"
                + " WHERE cursor >= 0", rs -> Map.entry(rs.getString(1), new Backlog(rs.getLong(2), rs.getInt(3)))))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    long cursor(String asId) {
        return db.read(c -> Sql.longValue(c, "SELECT cursor FROM as_pipeline WHERE as_id = ?", 0, asId));
    }

    long counter(String asId) {
        return db.read(c -> Sql.longValue(c, "SELECT txn_counter FROM as_pipeline WHERE as_id = ?", 0, asId));
    }

    /** Builds, stores and returns the next transaction of events in (cursor, head], if any interest the service. */
    Optional<Pending> buildNext(RegisteredService service, long head, Limits limits) {
        return buildNext(service, head, limits, List.of(), null);
    }

    /**
     * Builds, stores and returns the next transaction: the room events in (cursor, head] that interest the service
     * plus {@code ephemeral} (already chosen for it). Empty when there is neither.
     *
     * <p>{@code deliveredTxnId}, when not null, is the pending transaction the service has just acknowledged: it is
     * cleared in the same SQLite transaction that stores the next one, so a steady stream costs one commit per
     * transaction. A crash before that commit re-sends the acknowledged transaction (at least once); if a pending
     * transaction other than it is stored, that one is returned unchanged and nothing new is built.
     */
    Optional<Pending> buildNext(RegisteredService service, long head, Limits limits, List<ObjectNode> ephemeral,
            String deliveredTxnId) {
        // The scan runs outside the write lock, on a reader, so senders scan in parallel and client sends do not
        // wait behind it; only the sender itself moves its cursor while it runs, which the write below checks.
        long seen = db.read(c -> Sql.longValue(c, "SELECT cursor FROM as_pipeline WHERE as_id = ?", -1,
                service.id()));
        Batch scanned = seen >= 0 && seen < head ? collect(service, seen, head, limits) : null;
        return db.write(c -> {
            if (deliveredTxnId != null) {
                clearPending(c, service.id(), deliveredTxnId);
            }
            Optional<Pending> stillPending = pending(c, service.id());
            if (stillPending.isPresent()) {
                return stillPending;
            }
            long cursor = Sql.longValue(c, "SELECT cursor FROM as_pipeline WHERE as_id = ?", -1, service.id());
            if (cursor < 0) {
                return Optional.empty();
            }
            Batch batch = cursor == seen && scanned != null ? scanned
                    : cursor < head ? collect(service, cursor, head, limits) : new Batch();
            batch.last = Math.max(batch.last, cursor);
            if (batch.events.isEmpty() && ephemeral.isEmpty()) {
                if (batch.last > cursor) {
                    Sql.update(c, "UPDATE as_pipeline SET cursor = ? WHERE as_id = ?", batch.last, service.id());
                }
                return Optional.empty();
            }
            return Optional.of(store(c, service.id(), batch, ephemeral));
        });
    }

    private static Optional<Pending> pending(Connection c, String asId) throws SQLException {
        return Sql.one(c, "SELECT pending_txn_id, pending_body, pending_events FROM as_pipeline"
                + " WHERE as_id = ? AND pending_txn_id IS NOT NULL",
                rs -> new Pending(rs.getString(1), rs.getBytes(2), rs.getInt(3)), asId);
    }

    private static int clearPending(Connection c, String asId, String txnId) throws SQLException {
        return Sql.update(c, "UPDATE as_pipeline SET pending_txn_id = NULL, pending_body = NULL,"
                + " pending_events = NULL WHERE as_id = ? AND pending_txn_id = ?", asId, txnId);
    }

    private Pending store(Connection c, String asId, Batch batch, List<ObjectNode> ephemeral) throws SQLException {
        long counter = Sql.longValue(c, "SELECT txn_counter FROM as_pipeline WHERE as_id = ?", 0, asId) + 1;
        byte[] body = body(batch.events, ephemeral);
        Pending p = new Pending(Long.toString(counter), body, batch.events.size() + ephemeral.size());
        Sql.update(c, "UPDATE as_pipeline SET cursor = ?, txn_counter = ?, pending_txn_id = ?, pending_body = ?,"
                + " pending_events = ? WHERE as_id = ?", batch.last, counter, p.txnId(), body, p.events(), asId);
        return p;
    }

    /**
     * The transaction's bytes: the events' stored JSON spliced as they are (each is one JSON object written by
     * {@code Json}), so building a transaction parses nothing. Ephemeral events go under the stable key and, as
     * Synapse also does, under MSC2409's unstable key, which matrix-bot-sdk still reads.
     */
    static byte[] body(List<byte[]> events, List<ObjectNode> ephemeral) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + events.stream().mapToInt(e -> e.length + 1).sum());
        out.writeBytes(ascii("{\"events\":["));
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(events.get(i));
        }
        out.write(']');
        if (!ephemeral.isEmpty()) {
            byte[] eph = Json.write(Json.mapper().createArrayNode().addAll(ephemeral));
            out.writeBytes(ascii(",\"ephemeral\":"));
            out.writeBytes(eph);
            out.writeBytes(ascii(",\"" + UNSTABLE_EPHEMERAL + "\":"));
            out.writeBytes(eph);
        }
        out.write('}');
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static final class Batch {
        final List<byte[]> events = new ArrayList<>();
        long last;
        int bytes;
    }

    private Batch collect(RegisteredService service, long cursor, long head, Limits limits) {
        Batch batch = new Batch();
        batch.last = cursor;
        // Membership as of the head (never older than any event decided below); aliases are current.
        members.catchUp(head);
        InterestIndex.Slot wants = interest.slot(service);
        while (batch.last < head) {
            List<RawEvent> scan = window.after(batch.last, head, SCAN_BATCH);
            if (scan.isEmpty()) {
                batch.last = head;
                break;
            }
            for (RawEvent e : scan) {
                if (wants.wants(e.roomId(), e.sender(), e.type(), e.stateKey())) {
                    int size = e.json().length + 1;
                    if (!batch.events.isEmpty() && batch.bytes + size > limits.maxBytes()) {
                        return batch;
                    }
                    batch.events.add(e.json());
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

    /** Clears the pending transaction {@code txnId} (the sender folds this into {@link #buildNext} instead). */
    void delivered(String asId, String txnId) {
        db.write(c -> clearPending(c, asId, txnId));
    }

    /**
     * Drops the queue (pending transaction) and detaches the cursor (-1) but keeps the counter, so txnIds never
     * repeat and a service that comes back starts at the stream head.
     */
    void drop(String asId) {
        db.write(c -> Sql.update(c, "UPDATE as_pipeline SET cursor = -1, pending_txn_id = NULL, pending_body = NULL,"
                + " pending_events = NULL WHERE as_id = ?", asId));
    }

    /** Drops the queue of every service not in {@code registered} (a registration file removed while stopped). */
    void dropAllExcept(Set<String> registered) {
        for (String asId : db.read(c -> Sql.list(c, "SELECT as_id FROM as_pipeline WHERE cursor >= 0",
                rs -> rs.getString(1)))) {
            if (!registered.contains(asId)) {
                drop(asId);
            }
        }
    }
}
