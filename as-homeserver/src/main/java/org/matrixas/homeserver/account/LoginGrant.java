package org.matrixas.homeserver.account;

import java.time.Duration;
import org.matrixas.protocol.id.UserId;

/** A freshly issued access token; {@code lifetime} is {@link Duration#ZERO} when it does not expire. */
public record LoginGrant(UserId userId, String accessToken, String deviceId, Duration lifetime) {
    @Override
    public String toString() {
        return "LoginGrant[" + userId + ", device " + deviceId + "]";
    }
}
