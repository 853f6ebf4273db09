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
        return interested(service, event.sender(), event.roomId(), event.type(), event.stateKey(), room);
    }

    /** The same decision from the event's fields alone (the pipeline does not parse stored events). */
    static boolean interested(RegisteredService service, UserId sender, RoomId roomId, String type, String stateKey,
            RoomView room) {
        return interestedInEvent(service, sender, type, stateKey) || interestedInRoom(service, roomId, room);
    }

    /** The per-event part: the sender, or the target of a membership event, is the service's. */
    static boolean interestedInEvent(RegisteredService service, UserId sender, String type, String stateKey) {
        return service.ownsUser(sender)
                || "m.room.member".equals(type) && stateKey != null && isUser(service, stateKey);
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
