package org.matrixas.homeserver.txn;

import java.util.List;
import java.util.Set;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

/**
 * Which events a service receives: sender in its user namespace (or its own bot), a membership event about such
 * a user, a room in its room namespace, a room with an alias in its alias namespace, or a room where one of its
 * users is joined. Membership and aliases are those of the room when the transaction is built.
 */
final class Interest {
    private Interest() {
    }

    /** The facts about a room that interest depends on. */
    record RoomView(Set<UserId> joined, List<RoomAlias> aliases) {
        RoomView {
            joined = Set.copyOf(joined);
            aliases = List.copyOf(aliases);
        }
    }

    static boolean interested(RegisteredService service, ClientEvent event, RoomView room) {
        if (service.ownsUser(event.sender()) || service.ownsRoom(event.roomId())) {
            return true;
        }
        if ("m.room.member".equals(event.type()) && event.stateKey() != null && isUser(service, event.stateKey())) {
            return true;
        }
        for (RoomAlias a : room.aliases()) {
            if (service.ownsAlias(a)) {
                return true;
            }
        }
        for (UserId u : room.joined()) {
            if (service.ownsUser(u)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the service cares about a room: its room namespace, an alias of it, or a joined namespace user. */
    static boolean interestedInRoom(RegisteredService service, RoomId roomId, RoomView room) {
        if (service.ownsRoom(roomId)) {
            return true;
        }
        for (RoomAlias a : room.aliases()) {
            if (service.ownsAlias(a)) {
                return true;
            }
        }
        for (UserId u : room.joined()) {
            if (service.ownsUser(u)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUser(RegisteredService service, String userId) {
        try {
            return service.ownsUser(UserId.parse(userId));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
