package org.matrixas.homeserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpServerExchange;
import java.util.Map;
import java.util.Optional;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.http.Exchanges;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

/** One request as a handler sees it: path parameters, query, the bounded JSON body and the requester. */
final class Call {
    private final HttpServerExchange exchange;
    private final Map<String, String> params;
    private final int maxBodyBytes;
    private Requester requester;
    private ObjectNode body;

    Call(HttpServerExchange exchange, Map<String, String> params, int maxBodyBytes) {
        this.exchange = exchange;
        this.params = params;
        this.maxBodyBytes = maxBodyBytes;
    }

    HttpServerExchange exchange() {
        return exchange;
    }

    /** The presented access token (the route has authenticated it). */
    String accessToken() {
        return Exchanges.accessToken(exchange).orElseThrow(() -> MatrixError.M_MISSING_TOKEN.toException());
    }

    void authenticated(Requester r) {
        requester = r;
    }

    Requester requester() {
        if (requester == null) {
            throw new IllegalStateException("route has no authentication");
        }
        return requester;
    }

    String param(String name) {
        return params.get(name);
    }

    RoomId roomId(String name) {
        return RoomId.parse(param(name));
    }

    UserId userId(String name) {
        return UserId.parse(param(name));
    }

    RoomAlias alias(String name) {
        return RoomAlias.parse(param(name));
    }

    Optional<String> query(String name) {
        return Exchanges.queryParam(exchange, name);
    }

    /** The body as a JSON object: 413/M_TOO_LARGE, M_NOT_JSON and M_BAD_JSON as appropriate. */
    ObjectNode body() {
        if (body == null) {
            JsonNode node = Exchanges.readJson(exchange, maxBodyBytes);
            if (!(node instanceof ObjectNode o)) {
                throw MatrixError.M_BAD_JSON.withMessage("request body must be a JSON object").toException();
            }
            body = o;
        }
        return body;
    }

    /** A required string field of the body. */
    String string(String field) {
        return optString(field).orElseThrow(() -> MatrixError.M_MISSING_PARAM.withMessage("'" + field
                + "' is required").toException());
    }

    Optional<String> optString(String field) {
        JsonNode v = body().get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw MatrixError.M_BAD_JSON.withMessage("'" + field + "' must be a string").toException();
        }
        return Optional.of(v.asText());
    }

    boolean bool(String field) {
        JsonNode v = body().get(field);
        if (v != null && !v.isNull() && !v.isBoolean()) {
            throw MatrixError.M_BAD_JSON.withMessage("'" + field + "' must be true or false").toException();
        }
        return v != null && v.asBoolean(false);
    }
}
