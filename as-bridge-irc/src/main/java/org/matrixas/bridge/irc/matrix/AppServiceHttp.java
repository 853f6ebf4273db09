package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import java.net.InetSocketAddress;
import org.xnio.Options;
import org.matrixas.bridge.irc.config.AppServiceConfig;
import org.matrixas.bridge.irc.metrics.BridgeMetrics;
import org.matrixas.protocol.appservice.AppServiceEndpoint;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.http.Exchanges;
import org.matrixas.protocol.json.Json;

/**
 * The bridge's HTTP server: {@code GET /health} (200 when {@link BridgeHealth#isHealthy()}, else 503),
 * {@code GET /metrics} (Prometheus text) and the
 * application service API, which answers 503 until {@link #enable} hands it the endpoint (the {@code hs_token} is
 * known only after registering).
 */
@Singleton
public final class AppServiceHttp implements AutoCloseable {
    private static final MatrixError NOT_READY = new MatrixError("M_UNKNOWN", "bridge not registered yet", 503);
    private final AppServiceConfig config;
    private final BridgeHealth health;
    private final BridgeMetrics metrics;
    private volatile AppServiceEndpoint endpoint;
    private Undertow undertow;

    @Inject
    AppServiceHttp(AppServiceConfig config, BridgeHealth health, BridgeMetrics metrics) {
        this.metrics = metrics;
        this.config = config;
        this.health = health;
    }

    public synchronized void start() {
        undertow = Exchanges.rawUrls(Undertow.builder())
                .addHttpListener(config.port(), config.host())
                .setIoThreads(2)
                .setWorkerThreads(32)
                .setWorkerOption(Options.WORKER_NAME, "bridge-http")
                .setHandler(this::route)
                .build();
        undertow.start();
    }

    /** The port bound (useful with port 0). */
    public synchronized int port() {
        if (undertow == null) {
            throw new IllegalStateException("not started");
        }
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    public void enable(AppServiceEndpoint ready) {
        endpoint = ready;
    }

    private void route(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        AppServiceEndpoint e = endpoint;
        if (path.equals("/health")) {
            boolean ok = health.isHealthy();
            Exchanges.sendJson(exchange, ok ? 200 : 503, Json.object().put("healthy", ok)
                    .put("registered", health.isRegistered()));
        } else if (path.equals("/metrics")) {
            exchange.setStatusCode(200);
            exchange.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, metrics.contentType());
            exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(metrics.scrape()));
        } else if (!AppServiceEndpoint.handles(path)) {
            Exchanges.sendError(exchange, MatrixError.M_UNRECOGNIZED.withMessage("unrecognized request: "
                    + exchange.getRequestMethod() + " " + path));
        } else if (e == null) {
            Exchanges.sendError(exchange, NOT_READY);
        } else {
            e.handleRequest(exchange);
        }
    }

    @Override
    public synchronized void close() {
        if (undertow != null) {
            undertow.stop();
            undertow = null;
        }
    }
}
