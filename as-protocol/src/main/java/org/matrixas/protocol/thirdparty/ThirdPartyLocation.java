package org.matrixas.protocol.thirdparty;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;
import org.matrixas.protocol.id.RoomAlias;

/**
 * A remote place (an IRC channel, say) and the alias of its portal room
 * (<a href="https://spec.matrix.org/v1.13/application-service-api/#get_matrixappv1thirdpartylocationprotocol">spec</a>).
 *
 * @param alias the portal room's alias
 * @param protocol the protocol ID, e.g. {@code irc}
 * @param fields the fields that identify the location
 */
public record ThirdPartyLocation(@JsonProperty("alias") RoomAlias alias, @JsonProperty("protocol") String protocol,
        @JsonProperty("fields") Map<String, String> fields) {

    public ThirdPartyLocation {
        Objects.requireNonNull(alias, "alias is null");
        Objects.requireNonNull(protocol, "protocol is null");
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
