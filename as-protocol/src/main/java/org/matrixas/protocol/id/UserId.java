package org.matrixas.protocol.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A Matrix <a href="https://spec.matrix.org/v1.13/appendices/#user-identifiers">user ID</a>,
 * {@code @localpart:server}.
 *
 * <p>{@link #parse} accepts the historical grammar (any printable ASCII but {@code :}) because such IDs exist on
 * the federation; {@link #of} and {@link #isStrict()} apply the strict grammar that new users must follow
 * ({@code a-z 0-9 . _ = - / +}). Use {@link UserIdEscaping} to map remote names into it.
 */
public record UserId(String localpart, String server) {
    private static final String KIND = "user ID";

    public UserId {
        String full = "@" + localpart + ":" + server;
        if (localpart == null || localpart.isEmpty()) {
            throw new InvalidIdException(KIND, full, "localpart is empty");
        }
        for (int i = 0; i < localpart.length(); i++) {
            char c = localpart.charAt(i);
            if (c < 0x21 || c > 0x7E || c == ':') {
                throw new InvalidIdException(KIND, full, "localpart has a character outside printable ASCII or ':'");
            }
        }
        Grammar.checkServerName(KIND, full, server);
        if (Grammar.utf8Length(full) > Grammar.MAX_ID_LENGTH) {
            throw new InvalidIdException(KIND, full, "is longer than " + Grammar.MAX_ID_LENGTH + " bytes");
        }
    }

    /** Parses {@code @localpart:server}. */
    @JsonCreator
    public static UserId parse(String input) {
        String[] parts = Grammar.split(KIND, '@', input, true);
        return new UserId(parts[0], parts[1]);
    }

    /** A new user ID; the localpart must follow the strict grammar. */
    public static UserId of(String localpart, String server) {
        UserId id = new UserId(localpart, server);
        if (!id.isStrict()) {
            throw new InvalidIdException(KIND, id.toString(), "localpart may only contain a-z 0-9 . _ = - / +");
        }
        return id;
    }

    /** Whether the localpart follows the strict grammar that newly registered users must follow. */
    public boolean isStrict() {
        return isStrictLocalpart(localpart);
    }

    /** Whether a localpart follows the strict grammar {@code [a-z0-9._=\-/+]+}. */
    public static boolean isStrictLocalpart(String localpart) {
        if (localpart == null || localpart.isEmpty()) {
            return false;
        }
        for (int i = 0; i < localpart.length(); i++) {
            char c = localpart.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '='
                    || c == '-' || c == '/' || c == '+';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @JsonValue
    @Override
    public String toString() {
        return "@" + localpart + ":" + server;
    }
}
