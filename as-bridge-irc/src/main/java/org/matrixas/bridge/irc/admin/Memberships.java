package org.matrixas.bridge.irc.admin;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

/** A Matrix user's membership of a bridged room, as the bot sees it; and removing them from it. */
@Singleton
final class Memberships {
    private final HomeserverClient hs;

    @Inject
    Memberships(HomeserverClient hs) {
        this.hs = hs;
    }

    /** {@code join}, {@code invite}, {@code leave}, ...; {@code leave} when the user never was there. */
    String of(RoomId room, UserId user) {
        try {
            return hs.state(room, "m.room.member", user.toString())
                    .map(c -> c.path("membership").asText("leave")).orElse("leave");
        } catch (MatrixException e) {
            return "leave"; // the bot cannot see the room: nothing it could undo there
        }
    }

    boolean isIn(RoomId room, UserId user) {
        String m = of(room, user);
        return "join".equals(m) || "invite".equals(m);
    }

    /** Kicks {@code user} out of {@code room} as the bot; false when the homeserver refused. */
    boolean remove(RoomId room, UserId user, String reason) {
        try {
            hs.kick(room, user, reason);
            return true;
        } catch (MatrixException e) {
            return false;
        }
    }

    void invite(RoomId room, UserId user) {
        hs.invite(room, user);
    }
}
