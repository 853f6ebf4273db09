package org.matrixas.protocol.error;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A Matrix error: the {@code errcode}, a human-readable {@code error} and the HTTP status it travels with.
 *
 * <p>The constants are the standard error codes of the
 * <a href="https://spec.matrix.org/v1.13/client-server-api/#standard-error-response">Client-Server API</a>
 * and the application service API. Servers write this type as the response body; clients throw it inside a
 * {@link MatrixException}.
 */
public record MatrixError(
        @JsonProperty("errcode") String errcode,
        @JsonProperty("error") String message,
        @JsonIgnore int httpStatus) {

    public static final MatrixError M_FORBIDDEN = new MatrixError("M_FORBIDDEN", "Forbidden", 403);
    public static final MatrixError M_UNKNOWN_TOKEN = new MatrixError("M_UNKNOWN_TOKEN", "Unrecognised access token", 401);
    public static final MatrixError M_MISSING_TOKEN = new MatrixError("M_MISSING_TOKEN", "Missing access token", 401);
    public static final MatrixError M_BAD_JSON = new MatrixError("M_BAD_JSON", "Malformed JSON content", 400);
    public static final MatrixError M_NOT_JSON = new MatrixError("M_NOT_JSON", "Content is not valid JSON", 400);
    public static final MatrixError M_NOT_FOUND = new MatrixError("M_NOT_FOUND", "Not found", 404);
    public static final MatrixError M_LIMIT_EXCEEDED = new MatrixError("M_LIMIT_EXCEEDED", "Too many requests", 429);
    public static final MatrixError M_UNRECOGNIZED = new MatrixError("M_UNRECOGNIZED", "Unrecognized request", 404);
    public static final MatrixError M_UNKNOWN = new MatrixError("M_UNKNOWN", "Unknown error", 500);
    public static final MatrixError M_UNAUTHORIZED = new MatrixError("M_UNAUTHORIZED", "Unauthorized", 401);
    public static final MatrixError M_USER_IN_USE = new MatrixError("M_USER_IN_USE", "User ID already taken", 400);
    public static final MatrixError M_INVALID_USERNAME = new MatrixError("M_INVALID_USERNAME", "Invalid user name", 400);
    public static final MatrixError M_ROOM_IN_USE = new MatrixError("M_ROOM_IN_USE", "Room alias already taken", 400);
    public static final MatrixError M_INVALID_PARAM = new MatrixError("M_INVALID_PARAM", "Invalid parameter", 400);
    public static final MatrixError M_MISSING_PARAM = new MatrixError("M_MISSING_PARAM", "Missing parameter", 400);
    public static final MatrixError M_TOO_LARGE = new MatrixError("M_TOO_LARGE", "Request too large", 413);
    public static final MatrixError M_EXCLUSIVE = new MatrixError("M_EXCLUSIVE", "Reserved by an application service", 400);
    public static final MatrixError M_UNSUPPORTED_ROOM_VERSION =
            new MatrixError("M_UNSUPPORTED_ROOM_VERSION", "Unsupported room version", 400);
    public static final MatrixError M_BAD_STATE = new MatrixError("M_BAD_STATE", "Bad state", 400);
    public static final MatrixError M_GUEST_ACCESS_FORBIDDEN =
            new MatrixError("M_GUEST_ACCESS_FORBIDDEN", "Guest access forbidden", 403);
    public static final MatrixError M_USER_DEACTIVATED = new MatrixError("M_USER_DEACTIVATED", "User deactivated", 403);
    /**
     * The application service answered a ping with an error status
     * (<a href="https://spec.matrix.org/v1.13/client-server-api/#post_matrixclientv1appserviceappserviceidping">ping</a>).
     */
    public static final MatrixError M_BAD_STATUS =
            new MatrixError("M_BAD_STATUS", "Application service answered with an error", 502);
    /** The application service could not be reached (ping). */
    public static final MatrixError M_CONNECTION_FAILED =
            new MatrixError("M_CONNECTION_FAILED", "Connection to the application service failed", 502);
    /** The application service did not answer in time (ping). */
    public static final MatrixError M_CONNECTION_TIMEOUT =
            new MatrixError("M_CONNECTION_TIMEOUT", "Application service did not answer in time", 504);
    /** The application service has no {@code url}, so the homeserver cannot call it (ping). */
    public static final MatrixError M_URL_NOT_SET =
            new MatrixError("M_URL_NOT_SET", "Application service has no URL", 400);
    /** Not a spec code: a blocking query to an application service timed out (the draft's 408). */
    public static final MatrixError M_QUERY_TIMEOUT = new MatrixError("M_UNKNOWN", "Application service did not answer in time", 408);
    /** The method is not allowed on a known path. */
    public static final MatrixError M_METHOD_NOT_ALLOWED = new MatrixError("M_UNRECOGNIZED", "Method not allowed", 405);

    public MatrixError {
        Objects.requireNonNull(errcode, "errcode is null");
        Objects.requireNonNull(message, "message is null");
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("httpStatus must be 4xx or 5xx, was " + httpStatus);
        }
    }

    @JsonCreator
    static MatrixError fromJson(@JsonProperty("errcode") String errcode, @JsonProperty("error") String message) {
        return new MatrixError(errcode == null ? "M_UNKNOWN" : errcode, message == null ? "" : message, 500);
    }

    /** The same error with another human-readable message. */
    public MatrixError withMessage(String newMessage) {
        return new MatrixError(errcode, newMessage, httpStatus);
    }

    /** The same error with another HTTP status, used when reading an error off the wire. */
    public MatrixError withStatus(int status) {
        return new MatrixError(errcode, message, status);
    }

    /** Whether this error has the given errcode, whatever its message. */
    public boolean is(MatrixError other) {
        return errcode.equals(other.errcode);
    }

    /** An exception carrying this error, ready to throw. */
    public MatrixException toException() {
        return new MatrixException(this);
    }
}
