package org.matrixas.bridge.irc.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.bridge.irc.text.IrcNames;
import org.matrixas.protocol.appservice.TransactionLog;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

/**
 * All bridge state in one SQLite file, {@code <data_dir>/bridge.db}, through one connection guarded by this
 * object's monitor (SQLite serialises writers anyway; the bridge's write rate is low).
 */
final class SqliteStore implements RoomStore, PuppetNickStore, PmRoomStore, TransactionLog, Outbox, AutoCloseable {
    static final String FILE_NAME = "bridge.db";
    /** Processed txnIds older than this are forgotten; a homeserver retries for minutes, not weeks. */
    static final Duration TXN_RETENTION = Duration.ofDays(7);
    private static final int SCHEMA_VERSION = 3;
    private final Connection db;
    private final Clock clock;
    private int writesSincePrune;

    private SqliteStore(Connection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    static SqliteStore open(Path dataDir, Clock clock) {
        try {
            Files.createDirectories(dataDir);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(FILE_NAME));
            SqliteStore store = new SqliteStore(c, clock);
            store.migrate();
            return store;
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot open the database in " + dataDir, e);
        }
    }

    private void migrate() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA busy_timeout=5000");
            s.execute("CREATE TABLE IF NOT EXISTS rooms (network TEXT NOT NULL, channel_key TEXT NOT NULL,"
                    + " channel TEXT NOT NULL, room_id TEXT NOT NULL UNIQUE, alias TEXT NOT NULL,"
                    + " PRIMARY KEY (network, channel_key))");
            s.execute("CREATE TABLE IF NOT EXISTS puppet_nicks (network TEXT NOT NULL, user_id TEXT NOT NULL,"
                    + " nick TEXT NOT NULL, PRIMARY KEY (network, user_id))");
            s.execute("CREATE TABLE IF NOT EXISTS processed_txns (txn_id TEXT PRIMARY KEY,"
                    + " processed_at INTEGER NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS pm_rooms (network TEXT NOT NULL, nick_key TEXT NOT NULL,"
                    + " nick TEXT NOT NULL, user_id TEXT NOT NULL, room_id TEXT NOT NULL UNIQUE,"
                    + " PRIMARY KEY (network, nick_key, user_id))");
            s.execute("CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " event_id TEXT NOT NULL UNIQUE, json TEXT NOT NULL, added_at INTEGER NOT NULL,"
                    + " done_at INTEGER)");
            s.execute("CREATE INDEX IF NOT EXISTS outbox_pending ON outbox(done_at, seq)");
            s.execute("PRAGMA user_version=" + SCHEMA_VERSION);
        }
    }

    // --- rooms ------------------------------------------------------------------------------------------------

    @Override
    public synchronized Optional<RoomMapping> byChannel(ChannelRef channel) {
        return queryRoom("SELECT network, channel, room_id, alias FROM rooms WHERE network = ? AND channel_key = ?",
                channel.network(), channel.key());
    }

    @Override
    public synchronized Optional<RoomMapping> byRoom(RoomId room) {
        return queryRoom("SELECT network, channel, room_id, alias FROM rooms WHERE room_id = ?", room.toString());
    }

    @Override
    public synchronized void put(RoomMapping m) {
        update("store the room of " + m.channel().channel(),
                "INSERT OR REPLACE INTO rooms (network, channel_key, channel, room_id, alias) VALUES (?, ?, ?, ?, ?)",
                m.channel().network(), m.channel().key(), m.channel().channel(), m.room().toString(),
                m.alias().toString());
    }

    @Override
    public synchronized List<RoomMapping> all() {
        List<RoomMapping> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT network, channel, room_id, alias FROM rooms");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(room(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot list rooms", e);
        }
    }

    private Optional<RoomMapping> queryRoom(String sql, String... args) {
        try (PreparedStatement ps = prepare(sql, (Object[]) args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(room(rs)) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("cannot read rooms", e);
        }
    }

    private static RoomMapping room(ResultSet rs) throws SQLException {
        return new RoomMapping(new ChannelRef(rs.getString(1), rs.getString(2)), RoomId.parse(rs.getString(3)),
                RoomAlias.parse(rs.getString(4)));
    }

    // --- puppet nicks -----------------------------------------------------------------------------------------

    @Override
    public synchronized Optional<String> nick(String network, UserId user) {
        try (PreparedStatement ps = prepare("SELECT nick FROM puppet_nicks WHERE network = ? AND user_id = ?",
                network, user.toString()); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("cannot read puppet nicks", e);
        }
    }

    @Override
    public synchronized void putNick(String network, UserId user, String nick) {
        update("store a puppet nick", "INSERT OR REPLACE INTO puppet_nicks (network, user_id, nick) VALUES (?, ?, ?)",
                network, user.toString(), nick);
    }

    // --- private-message rooms ------------------------------------------------------------------------------

    @Override
    public synchronized Optional<PmRoom> pmRoom(String network, String nick, UserId matrixUser) {
        return queryPm("SELECT network, nick, user_id, room_id FROM pm_rooms WHERE network = ? AND nick_key = ?"
                + " AND user_id = ?", network, IrcNames.fold(nick), matrixUser.toString());
    }

    @Override
    public synchronized Optional<PmRoom> pmRoom(RoomId room) {
        return queryPm("SELECT network, nick, user_id, room_id FROM pm_rooms WHERE room_id = ?", room.toString());
    }

    @Override
    public synchronized void putPmRoom(PmRoom pm) {
        update("store a PM room", "DELETE FROM pm_rooms WHERE room_id = ?", pm.room().toString());
        update("store a PM room", "INSERT OR REPLACE INTO pm_rooms (network, nick_key, nick, user_id, room_id)"
                + " VALUES (?, ?, ?, ?, ?)", pm.network(), IrcNames.fold(pm.nick()), pm.nick(),
                pm.matrixUser().toString(), pm.room().toString());
    }

    private Optional<PmRoom> queryPm(String sql, String... args) {
        try (PreparedStatement ps = prepare(sql, (Object[]) args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new PmRoom(rs.getString(1), rs.getString(2),
                    UserId.parse(rs.getString(3)), RoomId.parse(rs.getString(4)))) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("cannot read PM rooms", e);
        }
    }

    // --- transactions -----------------------------------------------------------------------------------------

    @Override
    public synchronized boolean isProcessed(String txnId) {
        try (PreparedStatement ps = prepare("SELECT 1 FROM processed_txns WHERE txn_id = ?", txnId);
                ResultSet rs = ps.executeQuery()) {
            return rs.next();
        } catch (SQLException e) {
            throw new StoreException("cannot read processed transactions", e);
        }
    }

    @Override
    public synchronized void markProcessed(String txnId) {
        long now = clock.millis();
        update("record transaction " + txnId, "INSERT OR REPLACE INTO processed_txns (txn_id, processed_at) VALUES (?, ?)",
                txnId, now);
        if (++writesSincePrune >= 1000) {
            writesSincePrune = 0;
            prune(now);
        }
    }

    // --- outbox: Matrix messages on their way to IRC ----------------------------------------------------------

    @Override
    public synchronized boolean add(ClientEvent event) {
        try (PreparedStatement ps = prepare("INSERT OR IGNORE INTO outbox (event_id, json, added_at) VALUES (?, ?, ?)",
                event.eventId().toString(), Json.writeString(event), clock.millis())) {
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("cannot queue event " + event.eventId(), e);
        }
    }

    @Override
    public synchronized void done(String eventId) {
        long now = clock.millis();
        update("mark event " + eventId + " sent", "UPDATE outbox SET done_at = ? WHERE event_id = ?", now, eventId);
        if (++writesSincePrune >= 1000) {
            writesSincePrune = 0;
            prune(now);
        }
    }

    @Override
    public synchronized List<ClientEvent> pending() {
        List<ClientEvent> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT json FROM outbox WHERE done_at IS NULL ORDER BY seq");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(Json.read(rs.getString(1).getBytes(StandardCharsets.UTF_8), ClientEvent.class));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the outbox", e);
        }
    }

    /** Forgets sent events and processed txnIds after {@link #TXN_RETENTION}: re-sends come within minutes. */
    private void prune(long now) {
        update("prune transactions", "DELETE FROM processed_txns WHERE processed_at < ?", now - TXN_RETENTION.toMillis());
        update("prune the outbox", "DELETE FROM outbox WHERE done_at < ?", now - TXN_RETENTION.toMillis());
    }

    // --- plumbing ---------------------------------------------------------------------------------------------

    /** Work on the connection, for the package's other tables ({@link SqliteAdminStore}). */
    interface SqlWork<T> {
        T run(Connection db) throws SQLException;
    }

    /** Runs {@code work} under this store's lock; a failure becomes a {@link StoreException} saying {@code what}. */
    synchronized <T> T withConnection(String what, SqlWork<T> work) {
        try {
            return work.run(db);
        } catch (SQLException e) {
            throw new StoreException("cannot " + what, e);
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement ps = db.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private void update(String what, String sql, Object... args) {
        try (PreparedStatement ps = prepare(sql, args)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot " + what, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the database", e);
        }
    }
}
