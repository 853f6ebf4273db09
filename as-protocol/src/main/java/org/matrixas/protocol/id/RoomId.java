package org.matrixas.protocol.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A Matrix <a href="https://spec.matrix.org/v1.13/appendices/#room-ids">room ID</a>: {@code !opaque:server}.
 * The opaque part is kept as given; only the sigil, the length and the server name are checked.
 */
public record RoomId(String value) {
    private static final String KIND = "room ID";

    public RoomId {
        Objects.requireNonNull(value, "value is null");
        String[] parts = Grammar.split(KIND, '!', value, true);
        if (parts[0].isEmpty()) {
            throw new InvalidIdException(KIND, value, "opaque part is empty");
        }
    }

    @JsonCreator
    public static RoomId parse(String input) {
        if (input == null) {
            throw new InvalidIdException(KIND, null, "is empty");
        }
        return new RoomId(input);
    }

    public static RoomId of(String opaque, String server) {
        return new RoomId("!" + opaque + ":" + server);
    }

    /** The server part, after the first colon. */
    public String server() {
        return value.substring(value.indexOf(':') + 1);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
