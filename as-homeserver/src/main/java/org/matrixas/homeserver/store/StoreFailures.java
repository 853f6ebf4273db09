package org.matrixas.homeserver.store;

import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Tells database failures an operator can fix (a lock held elsewhere, a full disk) from bugs. */
public final class StoreFailures {
    private StoreFailures() {
    }

    /** A one-line cause for failures the operator can fix, empty for anything else. */
    public static Optional<String> operatorCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException e) {
                return describe(e.getResultCode()).or(() -> rolledBackBySqlite(e));
            }
        }
        return Optional.empty();
    }

    /**
     * SQLite rolls a transaction back by itself when a write fails for lack of space or an I/O error (e.g. a page
     * spilled to the WAL mid-transaction); the commit then fails with "no transaction is active", and the original
     * SQLITE_FULL is not what the driver reports. Seen with a file-size limit standing in for a full disk.
     */
    private static Optional<String> rolledBackBySqlite(SQLiteException e) {
        String message = e.getMessage();
        return message != null && message.contains("no transaction is active") ? describe(SQLiteErrorCode.SQLITE_FULL)
                : Optional.empty();
    }

    private static Optional<String> describe(SQLiteErrorCode code) {
        String name = code.name();
        if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
            return Optional.of("the database is locked by another process");
        }
        if (name.startsWith("SQLITE_FULL") || name.startsWith("SQLITE_IOERR")) {
            return Optional.of("the homeserver cannot write its database (disk full or I/O error)");
        }
        if (name.startsWith("SQLITE_READONLY") || name.startsWith("SQLITE_CANTOPEN")) {
            return Optional.of("the database file cannot be written (permissions or a read-only disk)");
        }
        return Optional.empty();
    }
}
