package org.matrixas.protocol.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.matrixas.protocol.id.UserId;

/**
 * What a <a href="https://spec.matrix.org/v1.13/client-server-api/#account-registration">register</a> or
 * <a href="https://spec.matrix.org/v1.13/client-server-api/#login">login</a> call returns for a human user, kept
 * so that a bot or a test can go on acting as that user: who it is, and the token to act as them.
 */
public record Session(
        @JsonProperty("user_id") UserId userId,
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("device_id") String deviceId) {

    @Override
    public String toString() {
        return "Session[" + userId + ", device " + deviceId + "]";
    }
}
