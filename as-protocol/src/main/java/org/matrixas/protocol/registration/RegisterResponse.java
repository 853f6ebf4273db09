package org.matrixas.protocol.registration;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The draft registration API's answer: the token the homeserver will present to the service. */
public record RegisterResponse(@JsonProperty("hs_token") String hsToken) {
}
