package org.matrixas.homeserver.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The versioned schema. {@code PRAGMA user_version} holds the number of migrations applied; each entry of
 * {@link #MIGRATIONS} moves the schema one version forward and is never edited once released.
 */
final class Schema {
    private static final List<String[]> MIGRATIONS = List.<String[]>of(new String[] {
        """
        CREATE TABLE users (user_id TEXT PRIMARY KEY, password_hash TEXT, displayname TEXT, avatar_url TEXT,
            appservice_id TEXT, created_ts INTEGER NOT NULL)""",
        """
        CREATE TABLE access_tokens (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, device_id TEXT NOT NULL,
            created_ts INTEGER NOT NULL)""",
        "CREATE INDEX access_tokens_user ON access_tokens(user_id)",
        "CREATE TABLE rooms (room_id TEXT PRIMARY KEY, creator TEXT NOT NULL, created_ts INTEGER NOT NULL)",
        """
        CREATE TABLE events (stream_ordering INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE,
            room_id TEXT NOT NULL, type TEXT NOT NULL, state_key TEXT, sender TEXT NOT NULL,
            origin_server_ts INTEGER NOT NULL, json TEXT NOT NULL)""",
        "CREATE INDEX events_room ON events(room_id, stream_ordering)",
        """
        CREATE TABLE current_state (room_id TEXT NOT NULL, type TEXT NOT NULL, state_key TEXT NOT NULL,
            event_id TEXT NOT NULL, stream_ordering INTEGER NOT NULL, PRIMARY KEY (room_id, type, state_key))""",
        """
        CREATE TABLE memberships (room_id TEXT NOT NULL, user_id TEXT NOT NULL, membership TEXT NOT NULL,
            stream_ordering INTEGER NOT NULL, PRIMARY KEY (room_id, user_id))""",
        "CREATE INDEX memberships_user ON memberships(user_id, membership)",
        "CREATE TABLE aliases (alias TEXT PRIMARY KEY, room_id TEXT NOT NULL, creator TEXT NOT NULL)",
        "CREATE INDEX aliases_room ON aliases(room_id)",
        """
        CREATE TABLE txn_ids (scope TEXT NOT NULL, txn_id TEXT NOT NULL, event_id TEXT NOT NULL,
            PRIMARY KEY (scope, txn_id))""",
        """
        CREATE TABLE appservices (id TEXT PRIMARY KEY, as_token TEXT NOT NULL UNIQUE, hs_token TEXT NOT NULL,
            url TEXT, sender_localpart TEXT NOT NULL, namespaces TEXT NOT NULL, created_ts INTEGER NOT NULL)""",
        """
        CREATE TABLE as_pipeline (as_id TEXT PRIMARY KEY, cursor INTEGER NOT NULL, txn_counter INTEGER NOT NULL,
            pending_txn_id TEXT, pending_body BLOB, pending_events INTEGER)""",
    }, new String[] {
        // Registrations made in code keep the keys the draft API has no field for (protocols, receive_ephemeral).
        "ALTER TABLE appservices ADD COLUMN extra TEXT",
        """
        CREATE TABLE filters (filter_id INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL,
            json TEXT NOT NULL)""",
    }, new String[] {
        // access_token_lifetime_ms: when a token stops working (null: never). Tokens issued before never expire.
        "ALTER TABLE access_tokens ADD COLUMN expires_ts INTEGER",
        // Rooms listed in the public room directory (PUT /directory/list/room/{roomId}); absent means private.
        "CREATE TABLE room_directory (room_id TEXT PRIMARY KEY)",
    });

    /** The schema version this code expects. */
    static final int VERSION = MIGRATIONS.size();

    private Schema() {
    }

    static Void migrate(Connection c) throws SQLException {
        int current = version(c);
        if (current > VERSION) {
            throw new SQLException("database schema version " + current + " is newer than this homeserver ("
                    + VERSION + "); refusing to touch it");
        }
        try (Statement s = c.createStatement()) {
            for (int v = current; v < VERSION; v++) {
                for (String sql : MIGRATIONS.get(v)) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version=" + (v + 1));
            }
        }
        return null;
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
