package org.matrixas.protocol.error;

import java.util.Objects;

/**
 * The one unchecked exception of the toolkit: a {@link MatrixError} received from, or meant for, the other side.
 *
 * <p>{@link #isTransportFailure()} tells the two ways a call can fail apart: the peer could not be reached or did
 * not answer in time (no answer at all; the error is synthesised, 502 or 504), or the peer answered with an error
 * status (the error is the peer's own).
 */
public class MatrixException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient MatrixError error;
    private final boolean transportFailure;

    public MatrixException(MatrixError error) {
        this(error, false);
    }

    public MatrixException(MatrixError error, Throwable cause) {
        this(error, false);
        initCause(cause);
    }

    private MatrixException(MatrixError error, boolean transportFailure) {
        super(Objects.requireNonNull(error, "error is null").httpStatus() + " " + error.errcode() + ": " + error.message());
        this.error = error;
        this.transportFailure = transportFailure;
    }

    /**
     * The peer gave no answer: it could not be reached (status 502) or did not answer in time (504).
     *
     * @param cause the I/O failure, kept as the cause
     */
    public static MatrixException transportFailure(MatrixError error, Throwable cause) {
        MatrixException e = new MatrixException(error, true);
        e.initCause(Objects.requireNonNull(cause, "cause is null"));
        return e;
    }

    public MatrixError error() {
        return error;
    }

    public int httpStatus() {
        return error.httpStatus();
    }

    public String errcode() {
        return error.errcode();
    }

    /**
     * Whether the call failed without an answer from the peer (unreachable, refused, reset, timed out), as opposed
     * to the peer answering with an error status or a body that could not be used.
     */
    public boolean isTransportFailure() {
        return transportFailure;
    }

    /** Whether the call failed because the peer did not answer in time (a transport failure with status 504). */
    public boolean isTimeout() {
        return transportFailure && error.httpStatus() == 504;
    }
}
