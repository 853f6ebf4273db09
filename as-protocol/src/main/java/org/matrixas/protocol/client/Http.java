package org.matrixas.protocol.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.json.Json;

/** The JDK HTTP client plumbing shared by both clients: send, map transport failures and error bodies. */
final class Http {
    /** Transport failures: the peer could not be reached (502) or did not answer in time (504). */
    static final MatrixError UNREACHABLE = new MatrixError("M_UNKNOWN", "Peer unreachable", 502);
    static final MatrixError TIMEOUT = new MatrixError("M_UNKNOWN", "Peer did not answer in time", 504);

    private Http() {
    }

    static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A response whose status, body and headers the caller inspects. */
    record Response(int status, byte[] body, HttpHeaders headers) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            if (body.length == 0) {
                return Json.object();
            }
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        /** The Matrix error this response carries; non-JSON bodies become {@code M_UNKNOWN}. */
        MatrixError error() {
            JsonNode json = json();
            String errcode = json != null && json.path("errcode").isTextual() ? json.get("errcode").asText() : "M_UNKNOWN";
            String message = json != null && json.path("error").isTextual() ? json.get("error").asText() : "HTTP " + status;
            return new MatrixError(errcode, message, status >= 400 && status <= 599 ? status : 502);
        }

        /** Whether the peer has no such endpoint at all, as opposed to a resource it does not know. */
        boolean unknownEndpoint() {
            if (status != 404 && status != 405 && status != 501) {
                return false;
            }
            JsonNode json = json();
            return json == null || !json.isObject() || "M_UNRECOGNIZED".equals(json.path("errcode").asText());
        }
    }

    static Response send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.body() == null ? new byte[0] : r.body(), r.headers());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw MatrixException.transportFailure(UNREACHABLE.withMessage(describe(request.uri(), e)), e);
        } catch (HttpTimeoutException e) {
            throw MatrixException.transportFailure(TIMEOUT.withMessage(describe(request.uri(), e)), e);
        } catch (IOException e) {
            throw MatrixException.transportFailure(UNREACHABLE.withMessage(describe(request.uri(), e)), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MatrixException.transportFailure(UNREACHABLE.withMessage("interrupted calling " + redact(request.uri())), e);
        }
    }

    private static String describe(URI uri, Exception e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return redact(uri) + ": " + what;
    }

    /** The URI without its query, which may hold a token. */
    static String redact(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }

    static String stripSlash(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
