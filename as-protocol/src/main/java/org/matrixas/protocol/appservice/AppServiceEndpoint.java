package org.matrixas.protocol.appservice;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.http.Exchanges;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of an application service, as an Undertow {@link HttpHandler} to mount in any Undertow server
 * (or run with {@link AppServiceServer}).
 *
 * <p>Serves {@code PUT transactions/{txnId}}, {@code GET users/{userId}}, {@code GET rooms/{alias}} under both
 * {@code /_matrix/app/v1} and the draft's bare paths, {@code POST /_matrix/app/v1/ping}, and the third-party
 * lookups {@code GET thirdparty/...} (see {@link ThirdPartyRoutes}) under {@code /_matrix/app/v1}, the bare path
 * and {@code /_matrix/app/unstable}, where older homeservers asked for them. The {@code hs_token}
 * is accepted as {@code Authorization: Bearer} or {@code ?access_token=} and compared in constant time: missing
 * is 401 {@code M_UNAUTHORIZED}, wrong is 403 {@code M_FORBIDDEN}. Transactions are processed one at a time, in
 * arrival order, and a txnId seen before is answered 200 without calling the service again.
 */
public final class AppServiceEndpoint implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AppServiceEndpoint.class);
    private static final String V1 = "_matrix/app/v1";
    private static final String UNSTABLE = "_matrix/app/unstable";
    private final byte[] hsToken;
    private final AppService service;
    private final TransactionLog log;
    private final int maxBodyBytes;
    private final Object txnLock = new Object();
    private final ThirdPartyRoutes thirdParty;

    private AppServiceEndpoint(Builder b) {
        this.hsToken = b.hsToken.getBytes(StandardCharsets.UTF_8);
        this.service = b.service;
        this.log = b.log;
        this.maxBodyBytes = b.maxBodyBytes;
        this.thirdParty = new ThirdPartyRoutes(b.service);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether this request is for the endpoint (so a server can route other paths elsewhere). */
    public static boolean handles(String path) {
        return path.startsWith("/" + V1 + "/") || path.startsWith("/transactions/") || path.startsWith("/users/")
                || path.startsWith("/rooms/") || path.startsWith("/thirdparty/")
                || path.startsWith("/" + UNSTABLE + "/thirdparty/");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        Exchanges.guard(exchange, this::route, e -> LOG.error("application service failed on {}",
                exchange.getRequestPath(), e));
    }

    private void route(HttpServerExchange exchange) {
        String[] seg = Exchanges.pathSegments(exchange);
        boolean prefixed = seg.length >= 3 && seg[0].equals("_matrix") && seg[1].equals("app");
        boolean unstable = prefixed && seg[2].equals("unstable");
        int base = prefixed && (unstable || seg[2].equals("v1")) ? 3 : 0;
        int rest = seg.length - base;
        Runnable lookup = rest >= 2 && seg[base].equals("thirdparty")
                ? thirdParty.route(exchange, Arrays.asList(seg).subList(base + 1, seg.length)) : null;
        if (lookup != null) {
            onlyMethod(exchange, "GET", lookup);
        } else if (unstable || (rest >= 1 && seg[base].equals("thirdparty"))) {
            unrecognized(exchange);
        } else if (rest == 2 && !seg[base + 1].isEmpty()) {
            String kind = seg[base];
            String arg = seg[base + 1];
            switch (kind) {
                case "transactions" -> onlyMethod(exchange, "PUT", () -> putTransaction(exchange, arg));
                case "users" -> onlyMethod(exchange, "GET", () -> getUser(exchange, arg));
                case "rooms" -> onlyMethod(exchange, "GET", () -> getRoom(exchange, arg));
                default -> unrecognized(exchange);
            }
        } else if (base == 3 && rest == 1 && seg[3].equals("ping")) {
            onlyMethod(exchange, "POST", () -> postPing(exchange));
        } else {
            unrecognized(exchange);
        }
    }

    private void onlyMethod(HttpServerExchange exchange, String method, Runnable action) {
        if (!exchange.getRequestMethod().toString().equals(method)) {
            Exchanges.sendError(exchange, MatrixError.M_METHOD_NOT_ALLOWED.withMessage("use " + method));
            return;
        }
        if (authorized(exchange)) {
            action.run();
        }
    }

    private boolean authorized(HttpServerExchange exchange) {
        Optional<String> token = Exchanges.accessToken(exchange);
        if (token.isEmpty()) {
            Exchanges.sendError(exchange, MatrixError.M_UNAUTHORIZED.withMessage("missing hs_token"));
            return false;
        }
        if (!MessageDigest.isEqual(hsToken, token.get().getBytes(StandardCharsets.UTF_8))) {
            Exchanges.sendError(exchange, MatrixError.M_FORBIDDEN.withMessage("wrong hs_token"));
            return false;
        }
        return true;
    }

    private void putTransaction(HttpServerExchange exchange, String txnId) {
        Transaction txn = Exchanges.readJson(exchange, maxBodyBytes, Transaction.class);
        synchronized (txnLock) {
            if (!log.isProcessed(txnId)) {
                service.onTransaction(txnId, txn);
                log.markProcessed(txnId);
            } else {
                LOG.debug("transaction {} already processed", txnId);
            }
        }
        Exchanges.sendJson(exchange, 200, Json.object());
    }

    private void getUser(HttpServerExchange exchange, String userId) {
        answerQuery(exchange, service.onUserQuery(UserId.parse(userId)));
    }

    private void getRoom(HttpServerExchange exchange, String alias) {
        answerQuery(exchange, service.onAliasQuery(RoomAlias.parse(alias)));
    }

    private static void answerQuery(HttpServerExchange exchange, boolean exists) {
        if (exists) {
            Exchanges.sendJson(exchange, 200, Json.object());
        } else {
            Exchanges.sendError(exchange, MatrixError.M_NOT_FOUND.withMessage("no such entity on the remote side"));
        }
    }

    private void postPing(HttpServerExchange exchange) {
        var body = Exchanges.readJson(exchange, maxBodyBytes);
        service.onPing(body.path("transaction_id").isTextual() ? body.get("transaction_id").asText() : null);
        Exchanges.sendJson(exchange, 200, Json.object());
    }

    private static void unrecognized(HttpServerExchange exchange) {
        Exchanges.sendError(exchange, MatrixError.M_UNRECOGNIZED.withMessage(
                "unrecognized request: " + exchange.getRequestMethod() + " " + exchange.getRequestPath()));
    }

    /** Settings of an {@link AppServiceEndpoint}. */
    public static final class Builder {
        private String hsToken;
        private AppService service;
        private TransactionLog log = TransactionLog.inMemory(10_000);
        private int maxBodyBytes = 64 * 1024 * 1024;

        private Builder() {
        }

        public Builder hsToken(String v) {
            Objects.requireNonNull(v, "hsToken is null");
            if (v.isEmpty()) {
                throw new IllegalArgumentException("hsToken is empty");
            }
            hsToken = v;
            return this;
        }

        public Builder service(AppService v) {
            service = Objects.requireNonNull(v, "service is null");
            return this;
        }

        public Builder transactionLog(TransactionLog v) {
            log = Objects.requireNonNull(v, "transactionLog is null");
            return this;
        }

        public Builder maxBodyBytes(int v) {
            if (v < 1024) {
                throw new IllegalArgumentException("maxBodyBytes must be at least 1024, was " + v);
            }
            maxBodyBytes = v;
            return this;
        }

        public AppServiceEndpoint build() {
            Objects.requireNonNull(hsToken, "hsToken is not set");
            Objects.requireNonNull(service, "service is not set");
            return new AppServiceEndpoint(this);
        }
    }

}
