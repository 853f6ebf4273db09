package org.matrixas.bridge.irc.store;

import java.util.Optional;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

/** Durable private-message rooms. Nicks match case-insensitively (rfc1459 folding). */
public interface PmRoomStore {

    Optional<PmRoom> pmRoom(String network, String nick, UserId matrixUser);

    Optional<PmRoom> pmRoom(RoomId room);

    /** Stores {@code pm}, replacing any PM room of the same pair or of the same room. */
    void putPmRoom(PmRoom pm);
}
