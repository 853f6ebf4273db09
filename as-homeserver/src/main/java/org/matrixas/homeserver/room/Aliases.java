package org.matrixas.homeserver.room;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.matrixas.homeserver.store.Database;
import org.matrixas.homeserver.store.Sql;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local room directory: alias to room ID, and which rooms the public room directory lists
 * (<a href="https://spec.matrix.org/v1.13/client-server-api/#put_matrixclientv3directorylistroomroomid">visibility</a>).
 * Namespace exclusivity and alias permissions are the caller's checks; this class refuses only taken aliases, unknown
 * rooms and aliases of other servers.
 */
public final class Aliases {
    private static final Logger LOG = LoggerFactory.getLogger(Aliases.class);
    /** 409 for {@code PUT /directory/room} on a taken alias, as the specification says. */
    static final MatrixError ALIAS_EXISTS = new MatrixError("M_UNKNOWN", "Room alias already exists", 409);
    private final Database db;
    private final String serverName;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Told of every change to a room's aliases: {@code changing} before the write starts, {@code changed} once it
     * is committed or abandoned. The push pipeline caches which services a room's aliases interest and reads
     * them afresh in between, so no event committed after the change is judged on the old aliases.
     */
    public interface Listener {
        void changing(RoomId room);

        void changed(RoomId room);
    }

    public Aliases(Database db, String serverName) {
        this.db = db;
        this.serverName = serverName;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void create(RoomAlias alias, RoomId room, UserId creator) {
        requireLocal(alias);
        listeners.forEach(l -> l.changing(room));
        try {
            insertChecked(alias, room, creator);
        } finally {
            listeners.forEach(l -> l.changed(room));
        }
        LOG.info("alias {} now points to {}", alias, room);
    }

    private void insertChecked(RoomAlias alias, RoomId room, UserId creator) {
        db.write(c -> {
            if (!RoomStore.exists(c, room)) {
                throw MatrixError.M_NOT_FOUND.withMessage("unknown room " + room).toException();
            }
            if (insert(c, alias, room, creator) == 0) {
                throw ALIAS_EXISTS.withMessage("alias " + alias + " already exists").toException();
            }
            return null;
        });
    }

    /** Inserts inside the caller's transaction; returns 0 when the alias is taken. */
    static int insert(Connection c, RoomAlias alias, RoomId room, UserId creator) throws SQLException {
        return Sql.update(c, "INSERT INTO aliases(alias, room_id, creator) VALUES (?,?,?) ON CONFLICT(alias) DO NOTHING",
                alias.toString(), room.toString(), creator.toString());
    }

    public Optional<RoomId> resolve(RoomAlias alias) {
        return db.read(c -> Sql.one(c, "SELECT room_id FROM aliases WHERE alias = ?", rs -> RoomId.parse(rs.getString(1)),
                alias.toString()));
    }

    public Optional<UserId> creator(RoomAlias alias) {
        return db.read(c -> Sql.one(c, "SELECT creator FROM aliases WHERE alias = ?", rs -> UserId.parse(rs.getString(1)),
                alias.toString()));
    }

    public boolean delete(RoomAlias alias) {
        Optional<RoomId> room = resolve(alias);
        if (room.isEmpty()) {
            return false;
        }
        listeners.forEach(l -> l.changing(room.get()));
        boolean deleted;
        try {
            // Only a row still pointing at the room announced to the listeners is deleted.
            deleted = db.write(c -> Sql.update(c, "DELETE FROM aliases WHERE alias = ? AND room_id = ?",
                    alias.toString(), room.get().toString())) > 0;
        } finally {
            listeners.forEach(l -> l.changed(room.get()));
        }
        if (deleted) {
            LOG.info("alias {} deleted", alias);
        }
        return deleted;
    }

    public List<RoomAlias> aliasesOf(RoomId room) {
        return db.read(c -> Sql.list(c, "SELECT alias FROM aliases WHERE room_id = ? ORDER BY alias",
                rs -> RoomAlias.parse(rs.getString(1)), room.toString()));
    }

    /**
     * Lists {@code room} in the public room directory or takes it out. {@code user} must be joined and have the power
     * to change {@code m.room.canonical_alias}, as Synapse asks.
     */
    public void setPublished(RoomId room, UserId user, boolean published) {
        db.write(c -> {
            RoomRules.requireJoined(c, room, user);
            if (!RoomRules.powerLevels(c, room).may(user, "m.room.canonical_alias", true)) {
                throw RoomRules.forbidden(user + " may not change the directory listing of " + room);
            }
            return published
                    ? Sql.update(c, "INSERT INTO room_directory(room_id) VALUES (?) ON CONFLICT DO NOTHING",
                            room.toString())
                    : Sql.update(c, "DELETE FROM room_directory WHERE room_id = ?", room.toString());
        });
        LOG.info("{} is now {} in the room directory", room, published ? "listed" : "not listed");
    }

    /** Whether the public room directory lists {@code room}; 404 for an unknown room. */
    public boolean isPublished(RoomId room) {
        return db.read(c -> {
            RoomRules.requireRoom(c, room);
            return Sql.one(c, "SELECT 1 FROM room_directory WHERE room_id = ?", rs -> true, room.toString())
                    .isPresent();
        });
    }

    public boolean isLocal(RoomAlias alias) {
        return alias.server().equals(serverName);
    }

    private void requireLocal(RoomAlias alias) {
        if (!isLocal(alias)) {
            throw MatrixError.M_INVALID_PARAM.withMessage("alias " + alias + " is not on this server").toException();
        }
    }
}
