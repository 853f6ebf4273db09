package org.matrixas.bridge.irc.store;

import java.util.List;
import java.util.Optional;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.protocol.id.RoomId;

/**
 * Durable plumbed rooms ({@code !plumb}, {@code !unlink}): each room is bridged to at most one channel, a channel
 * may have several rooms. Channels match case-insensitively (rfc1459 folding). Lookups are answered from memory:
 * every bridged line asks.
 */
public interface PlumbedRoomStore {

    Optional<PlumbedRoom> plumbedRoom(RoomId room);

    /** The rooms plumbed to {@code channel}, oldest first. */
    List<PlumbedRoom> plumbedRooms(ChannelRef channel);

    /** Every plumbed room, oldest first. */
    List<PlumbedRoom> allPlumbed();

    /** Stores {@code room}, replacing any record of the same room. */
    void putPlumbed(PlumbedRoom room);

    /** Forgets the room's plumbing; false when it had none. */
    boolean removePlumbed(RoomId room);
}
