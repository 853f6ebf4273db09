package org.matrixas.bridge.irc.store;

import java.util.List;
import org.matrixas.protocol.event.ClientEvent;

/**
 * Matrix messages accepted from the homeserver but not yet written to IRC. A transaction is acknowledged once its
 * messages are here, so a bridge killed before its puppets have said them says them after the restart instead of
 * dropping them; a message is added once by event ID, so a re-sent transaction does not say it twice.
 */
public interface Outbox {

    /** Adds {@code event} unless it was added before (pending or done); whether it is new. */
    boolean add(ClientEvent event);

    /** Marks the event's lines as written to IRC (or as having nothing to write). */
    void done(String eventId);

    /** The events not yet done, oldest first. */
    List<ClientEvent> pending();
}
