package org.matrixas.protocol.error;

import java.util.Objects;

/**
 * The one unchecked exception of the toolkit: a {@link MatrixError} received from, or meant for, the other side.
 */
public class MatrixException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient MatrixError error;

    public MatrixException(MatrixError error) {
        super(Objects.requireNonNull(error, "error is null").httpStatus() + " " + error.errcode() + ": " + error.message());
        this.error = error;
    }

    public MatrixException(MatrixError error, Throwable cause) {
        this(error);
        initCause(cause);
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
}
