package org.matrixas.bridge.irc.store;

import java.util.Objects;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

/**
 * A private-message room: the IRC user {@code nick} on {@code network} and the Matrix user {@code matrixUser} talk
 * in {@code room}, the IRC side as PRIVMSG between {@code nick} and the Matrix user's puppet.
 */
public record PmRoom(String network, String nick, UserId matrixUser, RoomId room) {

    public PmRoom {
        Objects.requireNonNull(network, "network is null");
        Objects.requireNonNull(nick, "nick is null");
        Objects.requireNonNull(matrixUser, "matrixUser is null");
        Objects.requireNonNull(room, "room is null");
    }
}
