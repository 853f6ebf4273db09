package org.matrixas.bridge.irc.store;

import java.util.List;
import java.util.Optional;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.protocol.id.RoomId;

/** Durable channel ⇄ room mappings. Channels match case-insensitively (rfc1459 folding). */
public interface RoomStore {

    Optional<RoomMapping> byChannel(ChannelRef channel);

    Optional<RoomMapping> byRoom(RoomId room);

    /** Stores {@code mapping}, replacing any mapping of the same channel or the same room. */
    void put(RoomMapping mapping);

    List<RoomMapping> all();
}
