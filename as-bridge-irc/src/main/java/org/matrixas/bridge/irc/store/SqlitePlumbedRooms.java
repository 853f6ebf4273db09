package org.matrixas.bridge.irc.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

/**
 * Plumbed rooms in the {@code plumbed_rooms} table of the bridge's SQLite file, with a copy in memory that answers
 * every lookup (all rows are read at start; writes go to the table first, then to the copy).
 */
final class SqlitePlumbedRooms implements PlumbedRoomStore {
    private final SqliteStore store;
    private final Clock clock;
    /** By room, in the order they were plumbed. Guarded by this. */
    private final Map<RoomId, PlumbedRoom> byRoom = new LinkedHashMap<>();

    SqlitePlumbedRooms(SqliteStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        List<PlumbedRoom> rows = store.withConnection("read the plumbed rooms", db -> {
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS plumbed_rooms (room_id TEXT PRIMARY KEY, network TEXT NOT NULL,"
                        + " channel TEXT NOT NULL, plumber TEXT NOT NULL, created_at INTEGER NOT NULL)");
            }
            List<PlumbedRoom> out = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT room_id, network, channel, plumber"
                    + " FROM plumbed_rooms ORDER BY created_at, rowid"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PlumbedRoom(new ChannelRef(rs.getString(2), rs.getString(3)),
                            RoomId.parse(rs.getString(1)), UserId.parse(rs.getString(4))));
                }
            }
            return out;
        });
        rows.forEach(r -> byRoom.put(r.room(), r));
    }

    @Override
    public synchronized Optional<PlumbedRoom> plumbedRoom(RoomId room) {
        return Optional.ofNullable(byRoom.get(room));
    }

    @Override
    public synchronized List<PlumbedRoom> plumbedRooms(ChannelRef channel) {
        return byRoom.values().stream().filter(r -> r.channel().sameChannel(channel)).toList();
    }

    @Override
    public synchronized List<PlumbedRoom> allPlumbed() {
        return List.copyOf(byRoom.values());
    }

    @Override
    public synchronized void putPlumbed(PlumbedRoom room) {
        store.withConnection("store a plumbed room", db -> {
            try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO plumbed_rooms"
                    + " (room_id, network, channel, plumber, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, room.room().toString());
                ps.setString(2, room.channel().network());
                ps.setString(3, room.channel().channel());
                ps.setString(4, room.plumber().toString());
                ps.setLong(5, clock.millis());
                return ps.executeUpdate();
            }
        });
        byRoom.remove(room.room());
        byRoom.put(room.room(), room);
    }

    @Override
    public synchronized boolean removePlumbed(RoomId room) {
        store.withConnection("remove a plumbed room", db -> {
            try (PreparedStatement ps = db.prepareStatement("DELETE FROM plumbed_rooms WHERE room_id = ?")) {
                ps.setString(1, room.toString());
                return ps.executeUpdate();
            }
        });
        return byRoom.remove(room) != null;
    }
}
