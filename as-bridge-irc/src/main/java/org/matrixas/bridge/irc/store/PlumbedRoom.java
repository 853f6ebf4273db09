package org.matrixas.bridge.irc.store;

import java.util.Objects;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

/** An existing Matrix room bridged to a channel at runtime ({@code !plumb}), and who bridged it. */
public record PlumbedRoom(ChannelRef channel, RoomId room, UserId plumber) {

    public PlumbedRoom {
        Objects.requireNonNull(channel, "channel is null");
        Objects.requireNonNull(room, "room is null");
        Objects.requireNonNull(plumber, "plumber is null");
    }
}
