package org.matrixas.protocol.thirdparty;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;
import org.matrixas.protocol.id.UserId;

/**
 * A remote user and the Matrix user that stands for it
 * (<a href="https://spec.matrix.org/v1.13/application-service-api/#get_matrixappv1thirdpartyuserprotocol">spec</a>).
 *
 * @param userId the Matrix user ({@code userid} on the wire)
 * @param protocol the protocol ID, e.g. {@code irc}
 * @param fields the fields that identify the user
 */
public record ThirdPartyUser(@JsonProperty("userid") UserId userId, @JsonProperty("protocol") String protocol,
        @JsonProperty("fields") Map<String, String> fields) {

    public ThirdPartyUser {
        Objects.requireNonNull(userId, "userId is null");
        Objects.requireNonNull(protocol, "protocol is null");
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
