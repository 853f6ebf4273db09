package org.matrixas.protocol.appservice;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.http.Exchanges;

/**
 * A small Undertow server that runs an {@link AppServiceEndpoint}, plus any extra exact-path routes a service
 * wants beside it (a {@code /health} check, metrics). Port 0 picks a free port; {@link #port()} tells which.
 */
public final class AppServiceServer implements AutoCloseable {
    private final Undertow undertow;
    private volatile boolean started;

    private AppServiceServer(Builder b) {
        Map<String, HttpHandler> routes = Map.copyOf(b.routes);
        AppServiceEndpoint endpoint = b.endpoint;
        HttpHandler root = exchange -> {
            HttpHandler extra = routes.get(exchange.getRequestPath());
            if (extra != null) {
                extra.handleRequest(exchange);
            } else if (AppServiceEndpoint.handles(exchange.getRequestPath())) {
                endpoint.handleRequest(exchange);
            } else {
                notFound(exchange);
            }
        };
        this.undertow = Exchanges.rawUrls(Undertow.builder())
                .addHttpListener(b.port, b.host)
                .setIoThreads(b.ioThreads)
                .setWorkerThreads(b.workerThreads)
                .setHandler(root)
                .build();
    }

    private static void notFound(HttpServerExchange exchange) {
        Exchanges.sendError(exchange, MatrixError.M_UNRECOGNIZED.withMessage("unrecognized request: "
                + exchange.getRequestMethod() + " " + exchange.getRequestPath()));
    }

    public static Builder builder() {
        return new Builder();
    }

    public synchronized AppServiceServer start() {
        if (!started) {
            undertow.start();
            started = true;
        }
        return this;
    }

    /** The port the server listens on (after {@link #start()}). */
    public int port() {
        if (!started) {
            throw new IllegalStateException("server is not started");
        }
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public synchronized void close() {
        if (started) {
            undertow.stop();
            started = false;
        }
    }

    /** Settings of an {@link AppServiceServer}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private AppServiceEndpoint endpoint;
        private final Map<String, HttpHandler> routes = new LinkedHashMap<>();
        private int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        private int workerThreads = 32;

        private Builder() {
        }

        public Builder host(String v) {
            host = Objects.requireNonNull(v, "host is null");
            return this;
        }

        public Builder port(int v) {
            if (v < 0 || v > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + v);
            }
            port = v;
            return this;
        }

        public Builder endpoint(AppServiceEndpoint v) {
            endpoint = Objects.requireNonNull(v, "endpoint is null");
            return this;
        }

        /** Serves {@code handler} at exactly {@code path}, e.g. {@code /health}. */
        public Builder route(String path, HttpHandler handler) {
            if (!Objects.requireNonNull(path, "path is null").startsWith("/")) {
                throw new IllegalArgumentException("path must start with '/', was " + path);
            }
            routes.put(path, Objects.requireNonNull(handler, "handler is null"));
            return this;
        }

        public Builder ioThreads(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("ioThreads must be at least 1, was " + v);
            }
            ioThreads = v;
            return this;
        }

        public Builder workerThreads(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("workerThreads must be at least 1, was " + v);
            }
            workerThreads = v;
            return this;
        }

        public AppServiceServer build() {
            Objects.requireNonNull(endpoint, "endpoint is not set");
            return new AppServiceServer(this);
        }
    }
}
