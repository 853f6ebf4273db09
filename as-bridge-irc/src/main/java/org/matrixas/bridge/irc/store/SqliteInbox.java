package org.matrixas.bridge.irc.store;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.matrixas.bridge.irc.irc.IrcMessage;
import org.matrixas.bridge.irc.mapping.ChannelRef;

/**
 * The {@link Inbox} in the bridge's SQLite file: table {@code irc_inbox}, and the database's instance name in
 * {@code bridge_meta}. Posted lines are deleted after {@link SqliteStore#TXN_RETENTION}.
 */
final class SqliteInbox implements Inbox {
    private static final int PRUNE_EVERY = 1000;
    private final SqliteStore store;
    private final Clock clock;
    private final String instance;
    private int doneSincePrune;

    SqliteInbox(SqliteStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.instance = store.withConnection("create the IRC inbox", db -> {
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS irc_inbox (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " network TEXT NOT NULL, channel TEXT NOT NULL, nick TEXT NOT NULL, text TEXT NOT NULL,"
                        + " time_ms INTEGER NOT NULL, kind TEXT NOT NULL, done_at INTEGER)");
                s.execute("CREATE INDEX IF NOT EXISTS irc_inbox_pending ON irc_inbox(done_at, seq)");
                s.execute("CREATE TABLE IF NOT EXISTS bridge_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            }
            byte[] fresh = new byte[6];
            new SecureRandom().nextBytes(fresh);
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT OR IGNORE INTO bridge_meta (key, value) VALUES ('instance', ?)")) {
                ps.setString(1, HexFormat.of().formatHex(fresh));
                ps.executeUpdate();
            }
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("SELECT value FROM bridge_meta WHERE key = 'instance'")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    @Override
    public long add(IrcMessage m) {
        return store.withConnection("store an IRC line of " + m.channel().channel(), db -> {
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO irc_inbox (network, channel, nick, text,"
                    + " time_ms, kind) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, m.channel().network());
                ps.setString(2, m.channel().channel());
                ps.setString(3, m.nick());
                ps.setString(4, m.text());
                ps.setLong(5, m.time().toEpochMilli());
                ps.setString(6, m.kind().name());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public void done(long seq) {
        long now = clock.millis();
        store.withConnection("mark IRC line " + seq + " posted", db -> { // under the store's lock
            boolean prune = ++doneSincePrune >= PRUNE_EVERY;
            if (prune) {
                doneSincePrune = 0;
            }
            try (PreparedStatement ps = db.prepareStatement("UPDATE irc_inbox SET done_at = ? WHERE seq = ?")) {
                ps.setLong(1, now);
                ps.setLong(2, seq);
                ps.executeUpdate();
            }
            if (prune) {
                try (PreparedStatement ps = db.prepareStatement("DELETE FROM irc_inbox WHERE done_at < ?")) {
                    ps.setLong(1, now - SqliteStore.TXN_RETENTION.toMillis());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public List<Entry> pending() {
        return store.withConnection("read the IRC inbox", db -> {
            List<Entry> out = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT seq, network, channel,"
                    + " nick, text, time_ms, kind FROM irc_inbox WHERE done_at IS NULL ORDER BY seq")) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), new IrcMessage(new ChannelRef(rs.getString(2), rs.getString(3)),
                            rs.getString(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)),
                            IrcMessage.Kind.valueOf(rs.getString(7)))));
                }
            }
            return out;
        });
    }

    @Override
    public String instance() {
        return instance;
    }
}
