package org.matrixas.bridge.irc.store;

import java.util.Objects;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;

/** A bridged pair: an IRC channel and the Matrix room (with the alias it was created under). */
public record RoomMapping(ChannelRef channel, RoomId room, RoomAlias alias) {

    public RoomMapping {
        Objects.requireNonNull(channel, "channel is null");
        Objects.requireNonNull(room, "room is null");
        Objects.requireNonNull(alias, "alias is null");
    }
}
