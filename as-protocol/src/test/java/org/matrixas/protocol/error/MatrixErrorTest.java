package org.matrixas.protocol.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class MatrixErrorTest {
    @Test
    void pingConstants_specCodesAndStatuses() {
        assertEquals(new MatrixError("M_BAD_STATUS", MatrixError.M_BAD_STATUS.message(), 502), MatrixError.M_BAD_STATUS);
        assertEquals("M_CONNECTION_FAILED", MatrixError.M_CONNECTION_FAILED.errcode());
        assertEquals(502, MatrixError.M_CONNECTION_FAILED.httpStatus());
        assertEquals("M_CONNECTION_TIMEOUT", MatrixError.M_CONNECTION_TIMEOUT.errcode());
        assertEquals(504, MatrixError.M_CONNECTION_TIMEOUT.httpStatus());
        assertEquals("M_URL_NOT_SET", MatrixError.M_URL_NOT_SET.errcode());
        assertEquals(400, MatrixError.M_URL_NOT_SET.httpStatus());
    }

    @Test
    void isTransportFailure_answeredError_false() {
        MatrixException e = MatrixError.M_NOT_FOUND.toException();
        assertFalse(e.isTransportFailure());
        assertFalse(e.isTimeout());
        assertFalse(new MatrixException(MatrixError.M_UNKNOWN, new IOException("x")).isTransportFailure());
    }

    @Test
    void transportFailure_keepsCauseAndTellsTimeoutApart() {
        IOException cause = new IOException("refused");
        MatrixException down = MatrixException.transportFailure(new MatrixError("M_UNKNOWN", "down", 502), cause);
        assertTrue(down.isTransportFailure());
        assertFalse(down.isTimeout());
        assertSame(cause, down.getCause());
        MatrixException slow = MatrixException.transportFailure(new MatrixError("M_UNKNOWN", "slow", 504), cause);
        assertTrue(slow.isTimeout());
    }
}
