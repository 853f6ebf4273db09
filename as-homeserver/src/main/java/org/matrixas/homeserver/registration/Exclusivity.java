package org.matrixas.homeserver.registration;

import java.util.List;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;

/**
 * The exclusivity rules of namespaces: a human may not create a user or alias inside any service's exclusive
 * namespace, and a service may create them only inside its own namespaces. Both refusals are
 * {@code 400 M_EXCLUSIVE}.
 */
final class Exclusivity {
    private Exclusivity() {
    }

    /** {@code actor} is the service making the request, or null for a human. */
    static void checkUser(List<RegisteredService> all, UserId user, RegisteredService actor) {
        if (actor != null) {
            if (!actor.ownsUser(user)) {
                throw MatrixError.M_EXCLUSIVE.withMessage("user " + user
                        + " is outside the application service's user namespace").toException();
            }
            return;
        }
        for (RegisteredService s : all) {
            if (s.matcher().isExclusiveUser(user.toString()) || user.equals(s.sender())) {
                throw MatrixError.M_EXCLUSIVE.withMessage("user " + user
                        + " is reserved by an application service").toException();
            }
        }
    }

    static void checkAlias(List<RegisteredService> all, RoomAlias alias, RegisteredService actor) {
        if (actor != null) {
            if (!actor.ownsAlias(alias)) {
                throw MatrixError.M_EXCLUSIVE.withMessage("alias " + alias
                        + " is outside the application service's alias namespace").toException();
            }
            return;
        }
        for (RegisteredService s : all) {
            if (s.matcher().isExclusiveAlias(alias.toString())) {
                throw MatrixError.M_EXCLUSIVE.withMessage("alias " + alias
                        + " is reserved by an application service").toException();
            }
        }
    }
}
