package org.matrixas.homeserver.room;

import java.util.Objects;
import org.matrixas.protocol.event.ClientEvent;

/** An event with its place in the global stream. */
public record StoredEvent(long ordering, ClientEvent event) {
    public StoredEvent {
        Objects.requireNonNull(event, "event is null");
    }
}
