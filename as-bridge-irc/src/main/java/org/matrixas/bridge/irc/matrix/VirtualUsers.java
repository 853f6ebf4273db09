package org.matrixas.bridge.irc.matrix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.function.Supplier;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

/**
 * Acts as IRC users on Matrix. Works with both kinds of homeserver: one that queries the bridge about an unknown
 * virtual user when it is first asserted (the draft; {@link #provision} then runs from the user query), and one
 * that answers 403 instead (Synapse), in which case the user is registered here and the call repeated.
 */
@Singleton
public final class VirtualUsers {
    private final HomeserverClient hs;
    private final Cache<UserId, Boolean> provisioned = Caffeine.newBuilder().maximumSize(100_000)
            .executor(Runnable::run).build();
    private final Cache<String, Boolean> joined = Caffeine.newBuilder().maximumSize(100_000)
            .executor(Runnable::run).build();

    @Inject
    VirtualUsers(HomeserverClient hs) {
        this.hs = hs;
    }

    /** Registers {@code user} (an existing user is fine) and sets its display name. */
    public void provision(UserId user, String displayName) {
        hs.ensureAppServiceUser(user.localpart(), user.server());
        hs.as(user).setDisplayName(user, displayName);
        provisioned.put(user, Boolean.TRUE);
    }

    /**
     * Joins {@code user} to {@code room} unless it is known to be there. A room that refuses the join (an
     * invite-only room of a fixed mapping) gets an invite from the bridge bot first, as matrix-appservice-bridge's
     * intents do.
     */
    public void ensureJoined(UserId user, String displayName, RoomId room) {
        String key = room + " " + user;
        if (joined.getIfPresent(key) != null) {
            return;
        }
        try {
            withRegistration(user, displayName, () -> hs.as(user).join(room.toString()));
        } catch (MatrixException refused) {
            if (refused.httpStatus() != 403) {
                throw refused;
            }
            try {
                hs.invite(room, user);
            } catch (MatrixException e) {
                refused.addSuppressed(e);
                throw refused;
            }
            hs.as(user).join(room.toString());
        }
        joined.put(key, Boolean.TRUE);
    }

    /** Sends a message event as {@code user}, joining it first; {@code ts} massages the timestamp. */
    public EventId send(UserId user, String displayName, RoomId room, String type, ObjectNode content, long ts) {
        return send(user, displayName, room, type, content, ts, null);
    }

    /**
     * {@link #send(UserId, String, RoomId, String, ObjectNode, long)} with a transaction ID that makes a repeat of
     * the same send give the first event (null: a fresh one).
     */
    public EventId send(UserId user, String displayName, RoomId room, String type, ObjectNode content, long ts,
            String txnId) {
        ensureJoined(user, displayName, room);
        try {
            return sendAs(user, room, type, content, ts, txnId);
        } catch (MatrixException e) {
            if (e.httpStatus() != 403) {
                throw e;
            }
            // Our idea of the membership was stale (kicked, left): join again once.
            joined.invalidate(room + " " + user);
            ensureJoined(user, displayName, room);
            return sendAs(user, room, type, content, ts, txnId);
        }
    }

    private EventId sendAs(UserId user, RoomId room, String type, ObjectNode content, long ts, String txnId) {
        HomeserverClient as = hs.as(user);
        return txnId == null ? as.send(room, type, content, ts) : as.send(room, type, content, ts, txnId);
    }

    private <T> T withRegistration(UserId user, String displayName, Supplier<T> call) {
        try {
            return call.get();
        } catch (MatrixException e) {
            if (e.httpStatus() != 403 || provisioned.getIfPresent(user) != null) {
                throw e;
            }
            provision(user, displayName);
            return call.get();
        }
    }

    /** Creates a room as {@code user} (registering it first if the homeserver does not know it yet). */
    public RoomId createRoom(UserId user, String displayName, org.matrixas.protocol.client.CreateRoomRequest request) {
        RoomId room = withRegistration(user, displayName, () -> hs.as(user).createRoom(request));
        joined.put(room + " " + user, Boolean.TRUE);
        return room;
    }

    /** Makes {@code user} leave {@code room} (a missing membership is fine). */
    public void leave(UserId user, RoomId room) {
        joined.invalidate(room + " " + user);
        try {
            hs.as(user).leave(room);
        } catch (MatrixException e) {
            // Not in the room (never joined, or already left): nothing to undo.
        }
    }
}
