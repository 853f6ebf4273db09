package org.matrixas.bridge.irc.store;

import java.util.Optional;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

/** Durable admin rooms: each room has one owner; a user may have several, the newest is theirs to be told in. */
public interface AdminRoomStore {

    Optional<AdminRoom> adminRoom(RoomId room);

    /** The owner's most recently stored admin room. */
    Optional<AdminRoom> adminRoomOf(UserId owner);

    /** Stores {@code room}, replacing any admin room record of the same room. */
    void putAdminRoom(AdminRoom room);

    void removeAdminRoom(RoomId room);
}
