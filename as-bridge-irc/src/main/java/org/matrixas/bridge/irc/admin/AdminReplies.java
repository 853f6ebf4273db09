package org.matrixas.bridge.irc.admin;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the bot says in admin rooms ({@code m.notice}), and the redaction of a message that held a password. */
@Singleton
final class AdminReplies {
    private static final Logger LOG = LoggerFactory.getLogger(AdminReplies.class);
    private final HomeserverClient hs;

    @Inject
    AdminReplies(HomeserverClient hs) {
        this.hs = hs;
    }

    void notice(RoomId room, String text) {
        try {
            hs.send(room, "m.room.message", Json.object().put("msgtype", "m.notice").put("body", text), null);
        } catch (MatrixException e) {
            LOG.warn("admin room {}: reply not sent ({})", room, e.getMessage());
        }
    }

    /**
     * Redacts {@code event} as the bot
     * (<a href="https://spec.matrix.org/v1.13/client-server-api/#put_matrixclientv3roomsroomidredacteventidtxnid">spec</a>);
     * false when the homeserver refused (the bot lacks the {@code redact} power level) or does not offer redaction.
     */
    boolean redact(RoomId room, EventId event, String reason) {
        try {
            hs.redact(room, event, reason);
            return true;
        } catch (MatrixException e) {
            LOG.info("admin room {}: could not redact {} ({})", room, event, e.getMessage());
            return false;
        }
    }
}
