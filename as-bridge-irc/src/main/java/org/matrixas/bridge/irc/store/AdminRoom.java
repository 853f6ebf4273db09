package org.matrixas.bridge.irc.store;

import java.util.Objects;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

/** A room where {@code owner} gives the bridge bot commands ({@code !join}, {@code !storepass}, ...). */
public record AdminRoom(RoomId room, UserId owner) {

    public AdminRoom {
        Objects.requireNonNull(room, "room is null");
        Objects.requireNonNull(owner, "owner is null");
    }
}
