package org.matrixas.protocol.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Optional;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.json.Json;

/**
 * Small helpers for Undertow exchanges shared by every server in the toolkit: reading a bounded JSON body,
 * taking the access token from either place the spec allows
 * (<a href="https://spec.matrix.org/v1.13/client-server-api/#using-access-tokens">Using access tokens</a>),
 * and writing JSON or a {@link MatrixError}.
 * Call them from a worker thread (blocking I/O).
 */
public final class Exchanges {
    private static final String JSON_TYPE = "application/json";
    private static final HttpString AUTHORIZATION = Headers.AUTHORIZATION;

    private Exchanges() {
    }

    /**
     * The access token from {@code Authorization: Bearer} or the {@code access_token} query parameter.
     */
    public static Optional<String> accessToken(HttpServerExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst(AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).trim());
        }
        return queryParam(exchange, "access_token");
    }

    /**
     * The first value of a query parameter, decoded here ({@code +} is a space, {@code %xx} escapes are UTF-8).
     * Servers run Undertow with {@link #rawUrls} so that a malformed escape reaches this code and becomes
     * {@code M_INVALID_PARAM} instead of Undertow's bare 400.
     */
    public static Optional<String> queryParam(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(decodeQuery(values.getFirst()));
    }

    /** Every query parameter's first value, decoded like {@link #queryParam}. */
    public static java.util.Map<String, String> queryParams(HttpServerExchange exchange) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        exchange.getQueryParameters().forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.put(decodeQuery(k), decodeQuery(v.getFirst()));
            }
        });
        return out;
    }

    private static String decodeQuery(String raw) {
        try {
            return PercentCodec.decode(raw.replace('+', ' '));
        } catch (IllegalArgumentException e) {
            throw MatrixError.M_INVALID_PARAM.withMessage("query: " + e.getMessage()).toException();
        }
    }

    /**
     * Configures an Undertow builder for handlers that use these helpers: Undertow leaves paths and query strings
     * encoded, and {@link #pathSegments} and {@link #queryParam} decode them, answering a malformed escape with
     * {@code M_INVALID_PARAM} instead of Undertow's bare 400.
     */
    public static io.undertow.Undertow.Builder rawUrls(io.undertow.Undertow.Builder builder) {
        return builder.setServerOption(io.undertow.UndertowOptions.DECODE_URL, false);
    }

    /**
     * Reads the request body, refusing more than {@code maxBytes} with {@code M_TOO_LARGE}.
     */
    public static byte[] readBody(HttpServerExchange exchange, int maxBytes) {
        long declared = exchange.getRequestContentLength();
        if (declared > maxBytes) {
            throw MatrixError.M_TOO_LARGE.withMessage("request body is larger than " + maxBytes + " bytes").toException();
        }
        if (!exchange.isBlocking()) {
            exchange.startBlocking();
        }
        try (InputStream in = exchange.getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw MatrixError.M_TOO_LARGE.withMessage("request body is larger than " + maxBytes + " bytes")
                        .toException();
            }
            return body;
        } catch (IOException e) {
            throw MatrixError.M_BAD_JSON.withMessage("request body could not be read").toException();
        }
    }

    /** Parses a JSON body: {@code M_NOT_JSON} when it is not JSON at all. An empty body reads as {@code {}}. */
    public static JsonNode readJson(HttpServerExchange exchange, int maxBytes) {
        byte[] body = readBody(exchange, maxBytes);
        if (body.length == 0) {
            return Json.object();
        }
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw MatrixError.M_NOT_JSON.withMessage("request body is not valid JSON").toException();
        }
    }

    /** Binds JSON to a type: {@code M_NOT_JSON} for bad syntax, {@code M_BAD_JSON} for the wrong shape. */
    public static <T> T readJson(HttpServerExchange exchange, int maxBytes, Class<T> type) {
        JsonNode tree = readJson(exchange, maxBytes);
        return bind(tree, type);
    }

    public static <T> T bind(JsonNode tree, Class<T> type) {
        if (!tree.isObject()) {
            throw MatrixError.M_BAD_JSON.withMessage("request body must be a JSON object").toException();
        }
        try {
            return Json.mapper().treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw MatrixError.M_BAD_JSON.withMessage("request body does not fit: " + firstLine(detail)).toException();
        }
    }

    public static void sendJson(HttpServerExchange exchange, int status, Object body) {
        sendBytes(exchange, status, body instanceof byte[] b ? b : Json.write(body));
    }

    public static void sendBytes(HttpServerExchange exchange, int status, byte[] json) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON_TYPE);
        exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(json));
    }

    public static void sendError(HttpServerExchange exchange, MatrixError error) {
        if (exchange.isResponseStarted()) {
            exchange.endExchange();
            return;
        }
        sendJson(exchange, error.httpStatus(), error);
    }

    /** Runs a handler body and turns any failure into a Matrix error, never a stack trace to the caller. */
    public static void guard(HttpServerExchange exchange, ThrowingHandler body, java.util.function.Consumer<Throwable> onBug) {
        try {
            body.handle(exchange);
        } catch (MatrixException e) {
            sendError(exchange, e.error());
        } catch (IllegalArgumentException e) {
            sendError(exchange, MatrixError.M_INVALID_PARAM.withMessage(firstLine(e.getMessage())));
        } catch (Exception | StackOverflowError e) {
            onBug.accept(e);
            sendError(exchange, MatrixError.M_UNKNOWN.withMessage("internal error"));
        }
    }

    /** A handler body that may throw. */
    @FunctionalInterface
    public interface ThrowingHandler {
        void handle(HttpServerExchange exchange) throws Exception;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The raw request path, split into percent-decoded segments (without the query). */
    public static String[] pathSegments(HttpServerExchange exchange) {
        String raw = exchange.getRequestURI();
        int q = raw.indexOf('?');
        if (q >= 0) {
            raw = raw.substring(0, q);
        }
        if (raw.startsWith("http://") || raw.startsWith("https://")) {
            int slash = raw.indexOf('/', raw.indexOf("//") + 2);
            raw = slash < 0 ? "/" : raw.substring(slash);
        }
        String[] parts = raw.split("/", -1);
        String[] out = new String[Math.max(0, parts.length - 1)];
        for (int i = 1; i < parts.length; i++) {
            try {
                out[i - 1] = PercentCodec.decode(parts[i]);
            } catch (IllegalArgumentException e) {
                throw MatrixError.M_INVALID_PARAM.withMessage(e.getMessage()).toException();
            }
        }
        return out;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
