package org.matrixas.protocol.registration;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.matrixas.protocol.namespace.Namespaces;

/**
 * The body of the draft's {@code POST /_matrix/appservice/v1/register}: where the homeserver reaches the
 * service, its {@code as_token} and the namespaces it claims. The homeserver answers with a
 * {@link RegisterResponse} holding the {@code hs_token}.
 */
public record RegisterRequest(
        @JsonProperty("url") String url,
        @JsonProperty("as_token") String asToken,
        @JsonProperty("namespaces") Namespaces namespaces) {

    public RegisterRequest {
        namespaces = namespaces == null ? Namespaces.empty() : namespaces;
    }
}
