package org.matrixas.homeserver.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.json.Json;

/**
 * An access token that has outlived {@code access_token_lifetime_ms}: 401 {@code M_UNKNOWN_TOKEN} with
 * {@code soft_logout: true}, so the client knows its device still exists and may log in again
 * (<a href="https://spec.matrix.org/v1.11/client-server-api/#soft-logout">soft logout</a>). A deleted token gets
 * the plain 401 {@code M_UNKNOWN_TOKEN}.
 */
final class SoftLogoutException extends MatrixException {
    private static final long serialVersionUID = 1L;
    static final MatrixError EXPIRED = MatrixError.M_UNKNOWN_TOKEN.withMessage("access token has expired");

    SoftLogoutException() {
        super(EXPIRED);
    }

    /** The error body: the Matrix error plus {@code soft_logout: true}. */
    ObjectNode body() {
        return Json.object().put("errcode", EXPIRED.errcode()).put("error", EXPIRED.message())
                .put("soft_logout", true);
    }
}
