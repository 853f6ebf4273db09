package org.matrixas.testkit.bench;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.matrixas.protocol.appservice.AppService;
import org.matrixas.protocol.appservice.AppServiceEndpoint;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.http.Exchanges;

/**
 * Many application services behind one Undertow listener: service {@code i} is an {@code as-protocol}
 * {@link AppServiceEndpoint} under {@code /as<i>}, so its registration URL is {@code http://127.0.0.1:port/as<i>}.
 * A gate holds deliveries back (503 to transactions, pings pass) while the homeserver's queue fills; every
 * transaction received after the gate opens is kept so the reference can replay it.
 */
final class AsFleet implements AutoCloseable {
    static final String BODY_PREFIX = "bench ";
    private final Undertow server;
    private final List<Sink> sinks;
    private final AtomicBoolean open = new AtomicBoolean();
    private final AtomicLong benchEvents = new AtomicLong();

    /** What one service received: transaction IDs and transactions, in order. */
    record Received(String txnId, Transaction transaction) {
    }

    private AsFleet(int services, List<String> hsTokens) {
        this.sinks = new ArrayList<>();
        List<AppServiceEndpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            Sink sink = new Sink();
            sinks.add(sink);
            endpoints.add(AppServiceEndpoint.builder().hsToken(hsTokens.get(i)).service(sink).build());
        }
        this.server = Undertow.builder().addHttpListener(0, "127.0.0.1").setWorkerThreads(Math.max(8, services))
                .setHandler(new Prefixes(endpoints)).build();
        server.start();
    }

    static AsFleet start(List<String> hsTokens) {
        return new AsFleet(hsTokens.size(), hsTokens);
    }

    String url(int service) {
        return "http://127.0.0.1:" + ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort()
                + "/as" + service;
    }

    void open() {
        open.set(true);
    }

    /** Events whose body starts with {@link #BODY_PREFIX}, over all services, since the gate opened. */
    long benchEvents() {
        return benchEvents.get();
    }

    List<Received> received(int service) {
        synchronized (sinks.get(service)) {
            return List.copyOf(sinks.get(service).received);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    static int countBench(Transaction t) {
        int n = 0;
        for (ClientEvent e : t.events()) {
            if (e.contentString("body").map(b -> b.startsWith(BODY_PREFIX)).orElse(false)) {
                n++;
            }
        }
        return n;
    }

    private final class Sink implements AppService {
        private final List<Received> received = new ArrayList<>();

        @Override
        public synchronized void onTransaction(String txnId, Transaction transaction) {
            received.add(new Received(txnId, transaction));
            benchEvents.addAndGet(countBench(transaction));
        }
    }

    /** Routes {@code /as<i>/rest} to endpoint {@code i} as {@code /rest}; holds transactions while closed. */
    private final class Prefixes implements HttpHandler {
        private final List<AppServiceEndpoint> endpoints;

        Prefixes(List<AppServiceEndpoint> endpoints) {
            this.endpoints = endpoints;
        }

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            if (exchange.isInIoThread()) {
                exchange.dispatch(this);
                return;
            }
            String path = exchange.getRequestPath();
            int slash = path.indexOf('/', 1);
            int index = path.startsWith("/as") && slash > 3 ? parse(path.substring(3, slash)) : -1;
            if (index < 0 || index >= endpoints.size()) {
                Exchanges.sendError(exchange, MatrixError.M_UNRECOGNIZED.withMessage("no service at " + path));
                return;
            }
            String rest = path.substring(slash);
            if (!open.get() && rest.contains("/transactions/")) {
                Exchanges.sendError(exchange, new MatrixError("M_UNKNOWN", "held back by the benchmark", 503));
                return;
            }
            exchange.setRequestURI(rest);
            exchange.setRequestPath(rest);
            exchange.setRelativePath(rest);
            endpoints.get(index).handleRequest(exchange);
        }

        private static int parse(String s) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
