package org.matrixas.homeserver.account;

import org.matrixas.protocol.id.UserId;

/**
 * Who an access token belongs to, and whether it has outlived {@code access_token_lifetime_ms} (the device is kept:
 * the client is soft-logged-out and may log in again).
 */
public record TokenOwner(UserId userId, String deviceId, boolean expired) {
}
