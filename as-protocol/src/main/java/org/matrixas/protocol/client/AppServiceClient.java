package org.matrixas.protocol.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.http.PercentCodec;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

/**
 * The homeserver's client for one application service
 * (<a href="https://spec.matrix.org/v1.13/application-service-api/">Application Service API</a>): push a
 * transaction, query a user or an alias, ping, and the third-party lookups (protocol metadata, users and locations,
 * and the reverse lookups).
 *
 * <p>Each call goes to {@code /_matrix/app/v1/...} with the {@code hs_token} both as {@code Authorization: Bearer}
 * and as {@code ?access_token=}; if the service has no such endpoint (404/405 without a Matrix errcode, or
 * {@code M_UNRECOGNIZED}) the call is repeated on the draft's legacy path and the client keeps using that form.
 * Failures throw {@link MatrixException}: the service's own error, or 502/504 when it cannot be reached in time
 * ({@link MatrixException#isTransportFailure()} tells the two apart).
 * Instances are thread-safe.
 */
public final class AppServiceClient {
    private static final String V1 = "/_matrix/app/v1";
    private final String baseUrl;
    private final String hsToken;
    private final HttpClient http;
    private final Duration requestTimeout;
    private volatile boolean legacy;

    private AppServiceClient(Builder b) {
        this.baseUrl = Http.stripSlash(b.baseUrl);
        this.hsToken = b.hsToken;
        this.http = b.http != null ? b.http : Http.newClient(b.connectTimeout);
        this.requestTimeout = b.requestTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Pushes a transaction; returns normally only on a 2xx answer. */
    public void pushTransaction(String txnId, Transaction transaction) {
        pushTransaction(txnId, Json.write(transaction));
    }

    /** Pushes pre-serialised transaction bytes, so a retry sends exactly the bytes that were stored. */
    public void pushTransaction(String txnId, byte[] body) {
        Http.Response r = call("PUT", "/transactions/" + PercentCodec.encode(txnId), body, requestTimeout);
        if (!r.ok()) {
            throw new MatrixException(r.error());
        }
    }

    /** Asks whether the service knows this user; {@code true} once it has created it (200). */
    public boolean queryUser(UserId userId, Duration timeout) {
        return query("/users/" + PercentCodec.encode(userId.toString()), timeout);
    }

    /** Asks whether the service knows this alias; {@code true} once it has created the room (200). */
    public boolean queryAlias(RoomAlias alias, Duration timeout) {
        return query("/rooms/" + PercentCodec.encode(alias.toString()), timeout);
    }

    /** {@code POST /_matrix/app/v1/ping}; there is no legacy form. */
    public void ping(String transactionId) {
        ObjectNode body = Json.object();
        if (transactionId != null) {
            body.put("transaction_id", transactionId);
        }
        Http.Response r = Http.send(http, request("POST", V1 + "/ping", Json.write(body), requestTimeout));
        if (!r.ok()) {
            throw new MatrixException(r.error());
        }
    }

    // --- third-party networks (https://spec.matrix.org/v1.13/application-service-api/#third-party-networks) -----

    /**
     * {@code GET /_matrix/app/v1/thirdparty/protocol/{protocol}}: the protocol's metadata and instances, as the
     * service sent them (an open-ended object). v1 paths only: no legacy form.
     *
     * @throws MatrixException the service's error (404 {@code M_NOT_FOUND} for a protocol it does not know), 502
     *                         when the answer is not a JSON object, or a transport failure
     */
    public ObjectNode thirdPartyProtocol(String protocol) {
        JsonNode n = thirdParty("protocol/" + PercentCodec.encode(requireText(protocol, "protocol")), Map.of());
        if (!(n instanceof ObjectNode o)) {
            throw badAnswer("protocol " + protocol, "an object");
        }
        return o;
    }

    /** {@code GET /_matrix/app/v1/thirdparty/user/{protocol}?fields...}: the remote users that match. */
    public ArrayNode thirdPartyUsers(String protocol, Map<String, String> fields) {
        return array("user/" + PercentCodec.encode(requireText(protocol, "protocol")), fields);
    }

    /** {@code GET /_matrix/app/v1/thirdparty/location/{protocol}?fields...}: the remote locations that match. */
    public ArrayNode thirdPartyLocations(String protocol, Map<String, String> fields) {
        return array("location/" + PercentCodec.encode(requireText(protocol, "protocol")), fields);
    }

    /** {@code GET /_matrix/app/v1/thirdparty/user?userid=}: the remote users behind a Matrix user (reverse lookup). */
    public ArrayNode thirdPartyUsersFor(UserId userId) {
        return array("user", Map.of("userid", Objects.requireNonNull(userId, "userId is null").toString()));
    }

    /** {@code GET /_matrix/app/v1/thirdparty/location?alias=}: the remote locations behind an alias (reverse lookup). */
    public ArrayNode thirdPartyLocationsFor(RoomAlias alias) {
        return array("location", Map.of("alias", Objects.requireNonNull(alias, "alias is null").toString()));
    }

    private ArrayNode array(String path, Map<String, String> fields) {
        JsonNode n = thirdParty(path, fields);
        if (!(n instanceof ArrayNode a)) {
            throw badAnswer(path, "a list");
        }
        return a;
    }

    private JsonNode thirdParty(String path, Map<String, String> fields) {
        StringBuilder query = new StringBuilder();
        Objects.requireNonNull(fields, "fields is null").forEach((k, v) -> query.append(query.length() == 0 ? '?' : '&')
                .append(PercentCodec.encode(k)).append('=').append(PercentCodec.encode(v)));
        Http.Response r = Http.send(http, request("GET", V1 + "/thirdparty/" + path + query, null, requestTimeout));
        if (!r.ok()) {
            throw new MatrixException(r.error());
        }
        JsonNode json = r.body().length == 0 ? null : r.json();
        if (json == null) {
            throw new MatrixException(MatrixError.M_NOT_JSON.withStatus(502).withMessage("third-party lookup " + path
                    + " answered with a body that is not JSON"));
        }
        return json;
    }

    private static MatrixException badAnswer(String what, String expected) {
        return new MatrixException(MatrixError.M_BAD_JSON.withStatus(502).withMessage("third-party lookup " + what
                + " did not answer with " + expected));
    }

    private static String requireText(String v, String name) {
        if (Objects.requireNonNull(v, name + " is null").isEmpty()) {
            throw new IllegalArgumentException(name + " is empty");
        }
        return v;
    }

    private boolean query(String path, Duration timeout) {
        Http.Response r = call("GET", path, null, timeout);
        if (r.ok()) {
            return true;
        }
        if (r.status() == 404) {
            return false;
        }
        throw new MatrixException(r.error());
    }

    private Http.Response call(String method, String path, byte[] body, Duration timeout) {
        if (!legacy) {
            Http.Response r = Http.send(http, request(method, V1 + path, body, timeout));
            if (!r.unknownEndpoint()) {
                return r;
            }
            legacy = true;
        }
        return Http.send(http, request(method, path, body, timeout));
    }

    private HttpRequest request(String method, String path, byte[] body, Duration timeout) {
        URI uri = URI.create(baseUrl + path + (path.indexOf('?') < 0 ? "?" : "&") + "access_token="
                + PercentCodec.encode(hsToken));
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + hsToken)
                .header("Content-Type", "application/json");
        return rb.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** Whether the service answered only on the legacy (draft) paths. */
    public boolean usesLegacyPaths() {
        return legacy;
    }

    /** Settings of an {@link AppServiceClient}; each is checked as it is set. */
    public static final class Builder {
        private String baseUrl;
        private String hsToken;
        private HttpClient http;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        public Builder baseUrl(String v) {
            Objects.requireNonNull(v, "baseUrl is null");
            if (!v.startsWith("http://") && !v.startsWith("https://")) {
                throw new IllegalArgumentException("baseUrl must start with http:// or https://, was " + v);
            }
            baseUrl = v;
            return this;
        }

        public Builder hsToken(String v) {
            hsToken = Objects.requireNonNull(v, "hsToken is null");
            return this;
        }

        /** Shares one JDK client (and its connection pool) between services. */
        public Builder httpClient(HttpClient v) {
            http = Objects.requireNonNull(v, "httpClient is null");
            return this;
        }

        public Builder connectTimeout(Duration v) {
            connectTimeout = positive(v, "connectTimeout");
            return this;
        }

        public Builder requestTimeout(Duration v) {
            requestTimeout = positive(v, "requestTimeout");
            return this;
        }

        public AppServiceClient build() {
            Objects.requireNonNull(baseUrl, "baseUrl is not set");
            Objects.requireNonNull(hsToken, "hsToken is not set");
            return new AppServiceClient(this);
        }
    }

    static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name + " is null");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
    }
}
