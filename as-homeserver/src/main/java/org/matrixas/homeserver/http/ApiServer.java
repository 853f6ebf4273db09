package org.matrixas.homeserver.http;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import org.matrixas.homeserver.metrics.Metrics;
import org.matrixas.homeserver.store.StoreException;
import org.matrixas.homeserver.store.StoreFailures;
import org.matrixas.homeserver.txn.Pipeline;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.http.Exchanges;
import org.matrixas.protocol.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Undertow server: every request is dispatched to a worker thread (blocking queries and long-polls hold one),
 * routed, authenticated first, then handled; every failure becomes a Matrix error body.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private final Undertow undertow;
    private final Router router;
    private final Authenticator auth;
    private final int maxBodyBytes;
    private final Metrics metrics;

    public ApiServer(Services services) {
        this.auth = new Authenticator(services);
        this.maxBodyBytes = services.config().maxBodyBytes();
        this.metrics = services.metrics();
        this.router = routes(services, auth);
        HttpHandler root = this::handle;
        this.undertow = org.matrixas.protocol.http.Exchanges.rawUrls(Undertow.builder())
                .addHttpListener(services.config().listen().port(), services.config().listen().host())
                .setIoThreads(Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())))
                .setWorkerThreads(services.config().workerThreads())
                .setHandler(root)
                .build();
    }

    /** All routes in one place; handlers touch {@code services} only when called. */
    static Router routes(Services services, Authenticator auth) {
        Router router = new Router();
        new AccountHandlers(services, auth).register(router);
        new RoomHandlers(services).register(router);
        new EventHandlers(services).register(router);
        new DirectoryHandlers(services).register(router);
        new SyncHandler(services).register(router);
        new ClientSettingsHandlers().register(router);
        new EphemeralHandlers(services).register(router);
        new ThirdPartyHandlers(services).register(router);
        new AppServiceHandlers(services, auth).register(router);
        new MediaHandlers(services).register(router);
        router.add("GET", "/health", Router.Auth.NONE, call -> health(services.pipeline()));
        router.add("GET", "/metrics", Router.Auth.NONE, call -> metrics(services));
        return router;
    }

    /** The Prometheus text; 404 like any unknown path when {@code metrics.enabled} is false. */
    private static Object metrics(Services services) {
        if (!services.config().metrics().enabled()) {
            throw MatrixError.M_UNRECOGNIZED.withMessage("unrecognized request: GET /metrics").toException();
        }
        return new RawReply(200, services.metrics().contentType(), Map.of(), services.metrics().scrape());
    }

    private static Object health(Pipeline pipeline) {
        var body = Json.object().put("status", "ok");
        var services = body.putObject("appservices");
        pipeline.statuses().forEach((id, st) -> services.putObject(id).put("up", st.up())
                .put("consecutive_failures", st.consecutiveFailures()).put("retry_in_ms", st.retryDelay().toMillis())
                .put("last_delivered_txn_id", st.lastDeliveredTxnId()));
        return body;
    }

    public void start() {
        undertow.start();
    }

    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    private void handle(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this::handle);
            return;
        }
        String[] route = {Metrics.UNMATCHED};
        Exchanges.guard(exchange, ex -> routeOrUnavailable(ex, route), e -> LOG.error("request {} {} failed",
                exchange.getRequestMethod(), exchange.getRequestPath(), e));
        metrics.httpRequest(exchange.getRequestMethod().toString(), route[0], exchange.getStatusCode());
    }

    /**
     * An expired token is answered here: its error body carries {@code soft_logout}, which a plain
     * {@link MatrixError} has no field for.
     *
     * <p>A database that is locked by another process or cannot be written (disk full) is the operator's problem,
     * not a bug: the client gets 503 with the cause, and the log one line instead of a stack trace.
     */
    private void routeOrUnavailable(HttpServerExchange exchange, String[] matched) throws Exception {
        try {
            route(exchange, matched);
        } catch (SoftLogoutException e) {
            Exchanges.sendJson(exchange, e.httpStatus(), e.body());
        } catch (StoreException e) {
            String cause = StoreFailures.operatorCause(e).orElseThrow(() -> e);
            LOG.error("request {} {} failed: {}", exchange.getRequestMethod(), matched[0], cause);
            exchange.getResponseHeaders().put(new HttpString("Retry-After"), "5");
            throw new MatrixError("M_UNKNOWN", cause + "; try again later", 503).toException();
        }
    }

    /** Routes and answers; {@code matched[0]} receives the route's pattern once the path is known. */
    private void route(HttpServerExchange exchange, String[] matched) throws Exception {
        Router.Match m = router.match(exchange.getRequestMethod().toString(), Exchanges.pathSegments(exchange));
        matched[0] = "/" + String.join("/", m.route().pattern());
        Call call = new Call(exchange, m.params(), maxBodyBytes);
        if (m.route().auth() == Router.Auth.USER) {
            call.authenticated(auth.authenticate(call));
        } else if (m.route().auth() == Router.Auth.SERVICE) {
            auth.requireService(call);
        }
        Object result = m.route().handler().handle(call);
        if (result instanceof RawReply raw) {
            exchange.setStatusCode(raw.status());
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, raw.contentType());
            raw.headers().forEach((k, v) -> exchange.getResponseHeaders().put(new HttpString(k), v));
            exchange.getResponseSender().send(ByteBuffer.wrap(raw.body()));
        } else if (result instanceof Reply r) {
            Exchanges.sendJson(exchange, r.status(), r.body());
        } else {
            Exchanges.sendJson(exchange, 200, result);
        }
    }

    @Override
    public void close() {
        undertow.stop();
    }
}
