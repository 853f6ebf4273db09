package org.matrixas.protocol.thirdparty;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A protocol's metadata: which fields identify its users and locations, how to ask for them, and its networks
 * (<a href="https://spec.matrix.org/v1.13/application-service-api/#get_matrixappv1thirdpartyprotocolprotocol">spec</a>).
 *
 * @param userFields the fields of a user lookup, in the order a client should ask for them
 * @param locationFields the fields of a location lookup, in that order
 * @param icon an {@code mxc://} URI of the protocol's icon, or empty
 * @param fieldTypes the type of every field named in {@code userFields} and {@code locationFields}
 * @param instances the networks the service reaches
 */
public record ThirdPartyProtocol(@JsonProperty("user_fields") List<String> userFields,
        @JsonProperty("location_fields") List<String> locationFields, @JsonProperty("icon") String icon,
        @JsonProperty("field_types") Map<String, ThirdPartyFieldType> fieldTypes,
        @JsonProperty("instances") List<ThirdPartyInstance> instances) {

    public ThirdPartyProtocol {
        userFields = List.copyOf(Objects.requireNonNull(userFields, "userFields is null"));
        locationFields = List.copyOf(Objects.requireNonNull(locationFields, "locationFields is null"));
        icon = icon == null ? "" : icon;
        fieldTypes = Map.copyOf(Objects.requireNonNull(fieldTypes, "fieldTypes is null"));
        instances = List.copyOf(Objects.requireNonNull(instances, "instances is null"));
        for (String f : userFields) {
            requireType(fieldTypes, f);
        }
        for (String f : locationFields) {
            requireType(fieldTypes, f);
        }
    }

    private static void requireType(Map<String, ThirdPartyFieldType> types, String field) {
        if (!types.containsKey(field)) {
            throw new IllegalArgumentException("field '" + field + "' has no entry in fieldTypes");
        }
    }
}
