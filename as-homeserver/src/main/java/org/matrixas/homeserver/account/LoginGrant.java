package org.matrixas.homeserver.account;

import org.matrixas.protocol.id.UserId;

/** A freshly issued access token. */
public record LoginGrant(UserId userId, String accessToken, String deviceId) {
    @Override
    public String toString() {
        return "LoginGrant[" + userId + ", device " + deviceId + "]";
    }
}
