package org.matrixas.protocol.registration;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of the draft's {@code POST /_matrix/appservice/v1/unregister}. */
public record UnregisterRequest(@JsonProperty("as_token") String asToken) {
}
