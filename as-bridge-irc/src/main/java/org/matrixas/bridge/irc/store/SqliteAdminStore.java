package org.matrixas.bridge.irc.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

/**
 * Admin rooms, encrypted passwords and chosen IRC user names, in three tables of the bridge's SQLite file:
 * {@code admin_rooms}, {@code passwords} (IV and AES-GCM ciphertext per network and user, see
 * {@link PasswordVault}) and {@code user_names}. The plaintext of a password is never written to the database.
 */
final class SqliteAdminStore implements AdminRoomStore, PasswordStore, UserNameStore {
    private final SqliteStore store;
    private final PasswordVault vault;
    private final Clock clock;

    SqliteAdminStore(SqliteStore store, PasswordVault vault, Clock clock) {
        this.store = store;
        this.vault = vault;
        this.clock = clock;
        store.withConnection("create the admin tables", db -> {
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS admin_rooms (room_id TEXT PRIMARY KEY, user_id TEXT NOT NULL,"
                        + " created_at INTEGER NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS passwords (network TEXT NOT NULL, user_id TEXT NOT NULL,"
                        + " iv BLOB NOT NULL, ciphertext BLOB NOT NULL, PRIMARY KEY (network, user_id))");
                s.execute("CREATE TABLE IF NOT EXISTS user_names (network TEXT NOT NULL, user_id TEXT NOT NULL,"
                        + " user_name TEXT NOT NULL, PRIMARY KEY (network, user_id))");
            }
            return null;
        });
    }

    // --- admin rooms ------------------------------------------------------------------------------------------

    @Override
    public Optional<AdminRoom> adminRoom(RoomId room) {
        return queryAdmin("SELECT room_id, user_id FROM admin_rooms WHERE room_id = ?", room.toString());
    }

    @Override
    public Optional<AdminRoom> adminRoomOf(UserId owner) {
        return queryAdmin("SELECT room_id, user_id FROM admin_rooms WHERE user_id = ?"
                + " ORDER BY created_at DESC, rowid DESC LIMIT 1", owner.toString());
    }

    @Override
    public void putAdminRoom(AdminRoom room) {
        update("store an admin room", "INSERT OR REPLACE INTO admin_rooms (room_id, user_id, created_at)"
                + " VALUES (?, ?, ?)", room.room().toString(), room.owner().toString(), clock.millis());
    }

    @Override
    public void removeAdminRoom(RoomId room) {
        update("remove an admin room", "DELETE FROM admin_rooms WHERE room_id = ?", room.toString());
    }

    private Optional<AdminRoom> queryAdmin(String sql, String arg) {
        return store.withConnection("read admin rooms", db -> {
            try (PreparedStatement ps = prepare(db, sql, arg); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new AdminRoom(RoomId.parse(rs.getString(1)),
                        UserId.parse(rs.getString(2)))) : Optional.empty();
            }
        });
    }

    // --- passwords --------------------------------------------------------------------------------------------

    @Override
    public Optional<String> password(String network, UserId user) {
        Optional<PasswordVault.Sealed> sealed = store.withConnection("read a stored password", db -> {
            try (PreparedStatement ps = prepare(db, "SELECT iv, ciphertext FROM passwords WHERE network = ?"
                    + " AND user_id = ?", network, user.toString()); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new PasswordVault.Sealed(rs.getBytes(1), rs.getBytes(2)))
                        : Optional.empty();
            }
        });
        return sealed.map(s -> vault.open(s, context(network, user)));
    }

    @Override
    public void putPassword(String network, UserId user, String password) {
        PasswordVault.Sealed sealed = vault.seal(password, context(network, user));
        update("store a password", "INSERT OR REPLACE INTO passwords (network, user_id, iv, ciphertext)"
                + " VALUES (?, ?, ?, ?)", network, user.toString(), sealed.iv(), sealed.ciphertext());
    }

    @Override
    public boolean removePassword(String network, UserId user) {
        return update("remove a password", "DELETE FROM passwords WHERE network = ? AND user_id = ?", network,
                user.toString()) > 0;
    }

    /** The associated data that binds a ciphertext to its row. */
    private static String context(String network, UserId user) {
        return user + " on " + network;
    }

    // --- user names -------------------------------------------------------------------------------------------

    @Override
    public Optional<String> userName(String network, UserId user) {
        return store.withConnection("read a user name", db -> {
            try (PreparedStatement ps = prepare(db, "SELECT user_name FROM user_names WHERE network = ?"
                    + " AND user_id = ?", network, user.toString()); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    @Override
    public void putUserName(String network, UserId user, String userName) {
        update("store a user name", "INSERT OR REPLACE INTO user_names (network, user_id, user_name)"
                + " VALUES (?, ?, ?)", network, user.toString(), userName);
    }

    // --- plumbing ---------------------------------------------------------------------------------------------

    private int update(String what, String sql, Object... args) {
        return store.withConnection(what, db -> {
            try (PreparedStatement ps = prepare(db, sql, args)) {
                return ps.executeUpdate();
            }
        });
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... args) throws SQLException {
        PreparedStatement ps = db.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
