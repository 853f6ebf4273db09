package org.matrixas.protocol.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.matrixas.protocol.namespace.Namespaces;

/**
 * The body of the draft's {@code POST /_matrix/appservice/v1/register}: where the homeserver reaches the
 * service, its {@code as_token} and the namespaces it claims. The homeserver answers with a
 * {@link RegisterResponse} holding the {@code hs_token}.
 *
 * <p>{@code id} and {@code sender_localpart} are not in the draft; they carry the stable registration's keys of
 * the same names, so a service registered through the API gets the bot user it expects. Either may be
 * {@code null} (the homeserver then derives them).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegisterRequest(
        @JsonProperty("url") String url,
        @JsonProperty("as_token") String asToken,
        @JsonProperty("namespaces") Namespaces namespaces,
        @JsonProperty("id") String id,
        @JsonProperty("sender_localpart") String senderLocalpart) {

    public RegisterRequest {
        namespaces = namespaces == null ? Namespaces.empty() : namespaces;
    }

    /** The draft's three fields only. */
    public RegisterRequest(String url, String asToken, Namespaces namespaces) {
        this(url, asToken, namespaces, null, null);
    }
}
