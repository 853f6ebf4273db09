package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a room, with an {@code m.notice}, what the bridge could not do (a refused puppet, a failed upload), so
 * nothing is dropped silently. Sent as the bridge bot in channel rooms, as the IRC user's virtual user in PM rooms.
 */
@Singleton
final class RoomNotices {
    private static final Logger LOG = LoggerFactory.getLogger(RoomNotices.class);
    private final HomeserverClient hs;
    private final Mappings mappings;

    @Inject
    RoomNotices(HomeserverClient hs, Mappings mappings) {
        this.hs = hs;
        this.mappings = mappings;
    }

    void send(RoomId room, UserId from, String text) {
        try {
            HomeserverClient as = from.equals(mappings.bot()) ? hs : hs.as(from);
            as.send(room, "m.room.message", Json.object().put("msgtype", "m.notice").put("body", text), null);
        } catch (MatrixException e) {
            LOG.warn("notice to {} not sent ({}): {}", room, e.getMessage(), text);
        }
    }
}
