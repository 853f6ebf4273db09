package org.matrixas.homeserver.room;

import java.util.Objects;
import org.matrixas.protocol.id.RoomId;

/**
 * An event as stored: its place in the stream, the fields interest depends on, and its exact JSON bytes, so the
 * push pipeline can splice events into a transaction without parsing and re-serialising them.
 *
 * @param stateKey null for a non-state event
 * @param sender   the sender's user ID as stored (validated when the event was appended)
 */
public record RawEvent(long ordering, RoomId roomId, String type, String stateKey, String sender, byte[] json) {
    public RawEvent {
        Objects.requireNonNull(roomId, "roomId is null");
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(sender, "sender is null");
        Objects.requireNonNull(json, "json is null");
    }
}
