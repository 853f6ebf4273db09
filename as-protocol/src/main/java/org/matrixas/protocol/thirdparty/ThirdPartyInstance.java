package org.matrixas.protocol.thirdparty;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;

/**
 * One network a protocol reaches, e.g. one IRC network
 * (<a href="https://spec.matrix.org/v1.13/application-service-api/#get_matrixappv1thirdpartyprotocolprotocol">Protocol
 * Instance</a>). The homeserver adds the {@code instance_id} clients see.
 *
 * @param desc a human-readable description
 * @param icon an {@code mxc://} URI of an icon, or null
 * @param fields preset field values that select this instance in lookups
 * @param networkId a unique ID of the network within the protocol
 */
public record ThirdPartyInstance(@JsonProperty("desc") String desc,
        @JsonProperty("icon") @JsonInclude(JsonInclude.Include.NON_NULL) String icon,
        @JsonProperty("fields") Map<String, String> fields, @JsonProperty("network_id") String networkId) {

    public ThirdPartyInstance {
        Objects.requireNonNull(desc, "desc is null");
        Objects.requireNonNull(networkId, "networkId is null");
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
