package org.matrixas.protocol.id;

/**
 * A string that is not a valid Matrix identifier of the expected kind. The message names the kind, the input and
 * the rule it broke, so it can be shown to a caller as is (servers send it with {@code M_INVALID_PARAM}).
 */
public final class InvalidIdException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final String reason;

    InvalidIdException(String kind, String input, String reason) {
        super("invalid " + kind + " '" + abbreviate(input) + "': " + reason);
        this.kind = kind;
        this.reason = reason;
    }

    /** The kind of identifier that was expected, e.g. {@code "user ID"}. */
    public String kind() {
        return kind;
    }

    /** The rule the input broke. */
    public String reason() {
        return reason;
    }

    private static String abbreviate(String input) {
        if (input == null) {
            return "null";
        }
        return input.length() > 80 ? input.substring(0, 80) + "..." : input;
    }
}
