package org.matrixas.homeserver.room;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.matrixas.homeserver.store.Sql;
import org.matrixas.protocol.id.EventId;

/**
 * Client transaction IDs: the event a {@code (scope, txnId)} pair produced, so that retrying a request returns
 * the first answer instead of sending again
 * (<a href="https://spec.matrix.org/v1.13/client-server-api/#transaction-identifiers">spec</a>).
 */
final class TxnIds {
    private TxnIds() {
    }

    static Optional<EventId> previous(Connection c, String scope, String txnId) throws SQLException {
        return Sql.one(c, "SELECT event_id FROM txn_ids WHERE scope = ? AND txn_id = ?",
                rs -> EventId.parse(rs.getString(1)), scope, txnId);
    }

    static void record(Connection c, String scope, String txnId, EventId event) throws SQLException {
        Sql.update(c, "INSERT INTO txn_ids(scope, txn_id, event_id) VALUES (?,?,?)", scope, txnId, event.toString());
    }
}
