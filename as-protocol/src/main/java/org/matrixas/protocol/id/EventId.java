package org.matrixas.protocol.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A Matrix <a href="https://spec.matrix.org/v1.13/appendices/#event-ids">event ID</a>: {@code $opaque}, with a
 * {@code :server} suffix in old room versions.
 */
public record EventId(String value) {
    private static final String KIND = "event ID";

    public EventId {
        Objects.requireNonNull(value, "value is null");
        String[] parts = Grammar.split(KIND, '$', value, false);
        if (parts[0].isEmpty()) {
            throw new InvalidIdException(KIND, value, "opaque part is empty");
        }
    }

    @JsonCreator
    public static EventId parse(String input) {
        if (input == null) {
            throw new InvalidIdException(KIND, null, "is empty");
        }
        return new EventId(input);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
