package org.matrixas.protocol.thirdparty;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * How a client should ask for one lookup field
 * (<a href="https://spec.matrix.org/v1.13/application-service-api/#get_matrixappv1thirdpartyprotocolprotocol">Field
 * Type</a>).
 *
 * @param regexp a regular expression the value should match (a hint for clients)
 * @param placeholder an example value, e.g. {@code #channel}
 */
public record ThirdPartyFieldType(@JsonProperty("regexp") String regexp,
        @JsonProperty("placeholder") String placeholder) {

    public ThirdPartyFieldType {
        Objects.requireNonNull(regexp, "regexp is null");
        Objects.requireNonNull(placeholder, "placeholder is null");
    }
}
