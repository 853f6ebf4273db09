package org.matrixas.protocol.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A Matrix <a href="https://spec.matrix.org/v1.13/appendices/#room-aliases">room alias</a>,
 * {@code #localpart:server}. The localpart may hold any character but {@code :} and NUL, so an IRC channel name
 * such as {@code #irc.example.org/#matrix:hs} is a valid alias.
 */
public record RoomAlias(String localpart, String server) {
    private static final String KIND = "room alias";

    public RoomAlias {
        String full = "#" + localpart + ":" + server;
        if (localpart == null || localpart.isEmpty()) {
            throw new InvalidIdException(KIND, full, "localpart is empty");
        }
        if (localpart.indexOf(':') >= 0 || localpart.indexOf('\0') >= 0) {
            throw new InvalidIdException(KIND, full, "localpart may not contain ':' or NUL");
        }
        Grammar.checkServerName(KIND, full, server);
        if (Grammar.utf8Length(full) > Grammar.MAX_ID_LENGTH) {
            throw new InvalidIdException(KIND, full, "is longer than " + Grammar.MAX_ID_LENGTH + " bytes");
        }
    }

    /** Parses {@code #localpart:server}; the server part starts after the first colon. */
    @JsonCreator
    public static RoomAlias parse(String input) {
        String[] parts = Grammar.split(KIND, '#', input, true);
        return new RoomAlias(parts[0], parts[1]);
    }

    public static RoomAlias of(String localpart, String server) {
        return new RoomAlias(localpart, server);
    }

    @JsonValue
    @Override
    public String toString() {
        return "#" + localpart + ":" + server;
    }
}
