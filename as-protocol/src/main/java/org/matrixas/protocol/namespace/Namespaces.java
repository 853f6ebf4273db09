package org.matrixas.protocol.namespace;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code users}, {@code aliases} and {@code rooms} namespaces of one application service, grouped so that a
 * registration can say in one value which IDs the service is interested in or claims
 * (<a href="https://spec.matrix.org/v1.13/application-service-api/#registration">Registration</a>).
 */
public record Namespaces(
        @JsonProperty("users") List<Namespace> users,
        @JsonProperty("aliases") List<Namespace> aliases,
        @JsonProperty("rooms") List<Namespace> rooms) {

    public Namespaces {
        users = List.copyOf(users == null ? List.of() : users);
        aliases = List.copyOf(aliases == null ? List.of() : aliases);
        rooms = List.copyOf(rooms == null ? List.of() : rooms);
    }

    public static Namespaces empty() {
        return new Namespaces(List.of(), List.of(), List.of());
    }
}
