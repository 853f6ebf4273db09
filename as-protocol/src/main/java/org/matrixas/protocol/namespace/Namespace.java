package org.matrixas.protocol.namespace;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One namespace entry of a registration: a regular expression that must match a whole ID, and whether the
 * application service claims the IDs it matches for itself alone
 * (<a href="https://spec.matrix.org/v1.13/application-service-api/#registration">spec</a>).
 *
 * <p>The first draft wrote entries as bare regex strings; those read as non-exclusive entries.
 */
public record Namespace(@JsonProperty("exclusive") boolean exclusive, @JsonProperty("regex") String regex) {

    public Namespace {
        Objects.requireNonNull(regex, "regex is null");
    }

    @JsonCreator
    static Namespace fromJson(@JsonProperty("exclusive") Boolean exclusive, @JsonProperty("regex") String regex) {
        if (regex == null) {
            throw new IllegalArgumentException("namespace entry has no 'regex'");
        }
        return new Namespace(exclusive != null && exclusive, regex);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Namespace fromString(String regex) {
        return new Namespace(false, regex);
    }

    public static Namespace exclusive(String regex) {
        return new Namespace(true, regex);
    }

    public static Namespace shared(String regex) {
        return new Namespace(false, regex);
    }
}
