package org.matrixas.protocol.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.matrixas.protocol.id.UserId;

/** The answer to a register or login call for a human user: who, and the token to act as them. */
public record Session(
        @JsonProperty("user_id") UserId userId,
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("device_id") String deviceId) {

    @Override
    public String toString() {
        return "Session[" + userId + ", device " + deviceId + "]";
    }
}
