package org.matrixas.testkit;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.concurrent.locks.LockSupport;
import org.matrixas.protocol.appservice.AppService;
import org.matrixas.protocol.appservice.AppServiceEndpoint;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.http.Exchanges;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;

/**
 * Your own application service, written against {@code as-protocol}'s {@link AppService}, running on a free
 * loopback port and registered with a {@link TestHomeserver}, with {@link Faults} on demand. Start one with
 * {@link TestHomeserver#startAppService}; it stops with the homeserver.
 */
public final class TestAppService implements AutoCloseable {
    private final Registration registration;
    private final Undertow server;
    private final Faults faults = new Faults();
    private final HomeserverClient client;

    TestAppService(TestHomeserver hs, String id, Namespaces namespaces, Function<HomeserverClient, AppService> factory) {
        Objects.requireNonNull(factory, "factory is null");
        String hsToken = "hs_" + UUID.randomUUID();
        String asToken = "as_" + UUID.randomUUID();
        this.client = HomeserverClient.create(hs.baseUrl(), asToken);
        AppService service = Objects.requireNonNull(factory.apply(client), "the factory returned null");
        AppServiceEndpoint endpoint = AppServiceEndpoint.builder().hsToken(hsToken).service(service).build();
        this.server = Exchanges.rawUrls(Undertow.builder()).addHttpListener(0, "127.0.0.1").setWorkerThreads(16)
                .setHandler(faulty(endpoint)).build();
        server.start();
        int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        this.registration = Registration.builder().id(id).url("http://127.0.0.1:" + port)
                .asToken(asToken).hsToken(hsToken).senderLocalpart(id)
                .namespaces(namespaces).rateLimited(false).build();
        try {
            hs.registerAppService(registration);
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    /** The registration the homeserver knows this service by. */
    public Registration registration() {
        return registration;
    }

    /** A Client-Server client with the service's as_token (acts as the sender user; {@code as(user)} for others). */
    public HomeserverClient client() {
        return client;
    }

    /** Faults to inject into the next requests from the homeserver. */
    public Faults faults() {
        return faults;
    }

    private HttpHandler faulty(HttpHandler endpoint) {
        return new HttpHandler() {
            @Override
            public void handleRequest(HttpServerExchange exchange) throws Exception {
                if (exchange.isInIoThread()) {
                    exchange.dispatch(this);
                    return;
                }
                Faults.Fault fault = faults.next();
                if (fault == null) {
                    endpoint.handleRequest(exchange);
                    return;
                }
                switch (fault.kind()) {
                    case FAIL -> Exchanges.sendError(exchange, new MatrixError("M_UNKNOWN", "injected fault", fault.status()));
                    case DROP -> exchange.getConnection().close();
                    case STALL -> {
                        // The stall is the fault itself: the homeserver must cope with a service that is slow.
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(fault.stall().toMillis()));
                        endpoint.handleRequest(exchange);
                    }
                    default -> throw new IllegalStateException(fault.kind().toString());
                }
            }
        };
    }

    @Override
    public void close() {
        server.stop();
    }
}
