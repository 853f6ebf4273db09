package org.matrixas.homeserver.http;

import java.util.Optional;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.protocol.id.UserId;

/**
 * Who makes a request: the user acted as, the device (null for an application service), the service whose
 * as_token was used (if any), and the scope in which transaction IDs must be unique.
 */
record Requester(UserId user, String deviceId, Optional<RegisteredService> service, String txnScope) {

    boolean isAppService() {
        return service.isPresent();
    }

    RegisteredService serviceOrNull() {
        return service.orElse(null);
    }
}
