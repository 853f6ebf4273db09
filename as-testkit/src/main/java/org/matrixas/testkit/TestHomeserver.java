package org.matrixas.testkit;

import java.nio.file.Path;
import java.util.Objects;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.homeserver.config.HomeserverConfig;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.Session;
import org.matrixas.protocol.registration.Registration;

/**
 * The homeserver of a {@link MatrixTest}: its address, users on demand, application services from a
 * {@link Registration}, and a restart on the same store.
 */
public final class TestHomeserver implements AutoCloseable {
    private final HomeserverConfig config;
    private final java.util.List<TestAppService> services = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Homeserver server;

    private TestHomeserver(HomeserverConfig config) {
        this.config = config;
        this.server = Homeserver.start(config);
    }

    /** Starts a homeserver with this configuration (the kit does it for you). */
    public static TestHomeserver start(HomeserverConfig config) {
        return new TestHomeserver(Objects.requireNonNull(config, "config is null"));
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public String serverName() {
        return server.serverName();
    }

    public int port() {
        return server.port();
    }

    public Path dataDir() {
        return config.dataDir();
    }

    /** The running homeserver, for what this handle does not wrap. */
    public Homeserver homeserver() {
        return server;
    }

    /** Registers a human user (password = localpart) and returns a client acting as them. */
    public MatrixClient registerUser(String localpart) {
        HomeserverClient anonymous = HomeserverClient.anonymous(baseUrl());
        Session session = anonymous.registerUser(localpart, localpart + "-password");
        return new MatrixClient(session.userId(), anonymous.withToken(session.accessToken()));
    }

    /** Registers an application service as if from a registration file; it is kept across {@link #restart()}. */
    public void registerAppService(Registration registration) {
        server.registerAppService(registration);
    }

    /**
     * Runs {@code service} on a free port and registers it with this homeserver under {@code id} with these
     * namespaces; it stops when the homeserver handle closes.
     */
    public TestAppService startAppService(String id, org.matrixas.protocol.namespace.Namespaces namespaces,
            org.matrixas.protocol.appservice.AppService service) {
        java.util.Objects.requireNonNull(service, "service is null");
        return startAppService(id, namespaces, client -> service);
    }

    /**
     * Like {@link #startAppService(String, org.matrixas.protocol.namespace.Namespaces,
     * org.matrixas.protocol.appservice.AppService)}, for a service that needs its Client-Server client (with the
     * service's as_token) when it is built.
     */
    public TestAppService startAppService(String id, org.matrixas.protocol.namespace.Namespaces namespaces,
            java.util.function.Function<HomeserverClient, org.matrixas.protocol.appservice.AppService> factory) {
        TestAppService running = new TestAppService(this, id, namespaces, factory);
        services.add(running);
        return running;
    }

    /** A Client-Server client with the service's as_token. */
    public HomeserverClient appServiceClient(Registration registration) {
        return HomeserverClient.create(baseUrl(), registration.asToken());
    }

    /**
     * Stops the homeserver and starts it again on the same data folder and port: users, rooms, registrations
     * and undelivered transactions survive, as after a crash.
     */
    public void restart() {
        int port = server.port();
        server.close();
        server = Homeserver.start(config.toBuilder().listen(config.listen().host(), port).build());
    }

    @Override
    public void close() {
        services.forEach(TestAppService::close);
        server.close();
    }
}
