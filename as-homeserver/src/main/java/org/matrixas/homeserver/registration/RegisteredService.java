package org.matrixas.homeserver.registration;

import java.util.Objects;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.namespace.NamespaceMatcher;
import org.matrixas.protocol.registration.Registration;

/**
 * One application service the homeserver knows: its registration, compiled namespaces and where it came from.
 * An immutable snapshot; a re-registration produces a new one, so look services up again rather than keep them.
 *
 * @param origin the registration file, or {@code "registration API"}
 */
public record RegisteredService(Registration registration, NamespaceMatcher matcher, UserId sender, String origin) {

    public RegisteredService {
        Objects.requireNonNull(registration, "registration is null");
        Objects.requireNonNull(matcher, "matcher is null");
        Objects.requireNonNull(sender, "sender is null");
        Objects.requireNonNull(origin, "origin is null");
    }

    static RegisteredService of(Registration r, String serverName, String origin) {
        return new RegisteredService(r, NamespaceMatcher.compile(r.namespaces()),
                UserId.of(r.senderLocalpart(), serverName), origin);
    }

    public String id() {
        return registration.id();
    }

    /** Whether the user is this service's own bot or falls in its user namespace. */
    public boolean ownsUser(UserId user) {
        return user.equals(sender) || matcher.matchesUser(user.toString());
    }

    public boolean ownsAlias(RoomAlias alias) {
        return matcher.matchesAlias(alias.toString());
    }

    public boolean ownsRoom(RoomId room) {
        return matcher.matchesRoom(room.toString());
    }

    @Override
    public String toString() {
        return "RegisteredService[" + id() + " from " + origin + "]";
    }
}
