package org.matrixas.homeserver.account;

import org.matrixas.protocol.id.UserId;

/** Who an access token belongs to. */
public record TokenOwner(UserId userId, String deviceId) {
}
