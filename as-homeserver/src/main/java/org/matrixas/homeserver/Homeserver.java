package org.matrixas.homeserver;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.matrixas.homeserver.account.Accounts;
import org.matrixas.homeserver.config.HomeserverConfig;
import org.matrixas.homeserver.ephemeral.Ephemeral;
import org.matrixas.homeserver.http.ApiServer;
import org.matrixas.homeserver.http.Services;
import org.matrixas.homeserver.media.MediaStore;
import org.matrixas.homeserver.metrics.Metrics;
import org.matrixas.homeserver.query.QueryService;
import org.matrixas.homeserver.query.ThirdPartyService;
import org.matrixas.homeserver.registration.AppServiceRegistry;
import org.matrixas.homeserver.room.Aliases;
import org.matrixas.homeserver.room.EventStream;
import org.matrixas.homeserver.room.RoomHistory;
import org.matrixas.homeserver.room.Rooms;
import org.matrixas.homeserver.store.Database;
import org.matrixas.homeserver.sync.Filters;
import org.matrixas.homeserver.sync.SyncService;
import org.matrixas.homeserver.txn.AppServiceStatus;
import org.matrixas.homeserver.txn.Pipeline;
import org.matrixas.protocol.registration.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running homeserver. {@link #start} opens the database under {@code data_dir}, loads the registration files,
 * starts the push pipeline and the HTTP listener; {@link #close} stops all of it (no thread or socket it started
 * outlives the call). Embed it in tests with {@code listen.port = 0} and a temporary {@code data_dir}:
 *
 * <pre>{@code
 * try (Homeserver hs = Homeserver.start(HomeserverConfig.builder()
 *         .serverName("localhost").dataDir(tmp).listen("127.0.0.1", 0).build())) {
 *     HomeserverClient client = HomeserverClient.anonymous(hs.baseUrl());
 * }
 * }</pre>
 */
public final class Homeserver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Homeserver.class);
    private final HomeserverConfig config;
    private final Lifecycle lifecycle;
    private final ApiServer api;
    private final Pipeline pipeline;
    private final AppServiceRegistry registry;
    private final CountDownLatch closed = new CountDownLatch(1);

    private Homeserver(HomeserverConfig config, Lifecycle lifecycle, ApiServer api, Pipeline pipeline,
            AppServiceRegistry registry) {
        this.config = config;
        this.lifecycle = lifecycle;
        this.api = api;
        this.pipeline = pipeline;
        this.registry = registry;
    }

    /**
     * Starts a homeserver.
     *
     * @throws org.matrixas.homeserver.config.ConfigException when a registration file is invalid or duplicated
     * @throws org.matrixas.homeserver.store.StoreException when the database cannot be opened
     */
    public static Homeserver start(HomeserverConfig config) {
        Objects.requireNonNull(config, "config is null");
        LogLevels.apply(config.logging());
        Lifecycle life = new Lifecycle();
        Metrics metrics = new Metrics();
        try {
            Database db = life.add(Database.open(config.dataDir()));
            EventStream stream = EventStream.fromDatabase(db);
            Accounts accounts = new Accounts(db, config.serverName(), config.accessTokenLifetime());
            AppServiceRegistry registry = new AppServiceRegistry(db, accounts, config.registrationApi());
            registry.load(config.appServiceConfigFiles());
            Rooms rooms = new Rooms(db, stream, accounts);
            Aliases aliases = new Aliases(db, config.serverName());
            QueryService queries = life.add(new QueryService(registry, accounts, aliases, config.appservice(),
                    metrics));
            ThirdPartyService thirdParty = life.add(new ThirdPartyService(registry, config.appservice()));
            Pipeline pipeline = life.add(new Pipeline(db, rooms, aliases, stream, registry, config.appservice(),
                    metrics));
            metrics.serviceGauges(pipeline::gauges);
            pipeline.start();
            Ephemeral ephemeral = life.add(new Ephemeral(pipeline::publish));
            Services services = new Services(config, accounts, registry, rooms,
                    new RoomHistory(db, stream), aliases, queries,
                    new SyncService(rooms, stream), new Filters(db), ephemeral, thirdParty, pipeline,
                    new MediaStore(config.dataDir().resolve("media"), config.serverName()), metrics);
            ApiServer api = life.add(new ApiServer(services));
            // Closed first: long-polls return at once, so stopping the listener does not wait out their timeouts.
            life.add(stream::close);
            api.start();
            Homeserver hs = new Homeserver(config, life, api, pipeline, registry);
            LOG.info("homeserver {} listening on http://{}:{} (data in {}, {} application services)",
                    config.serverName(), config.listen().host(), api.port(), config.dataDir(), registry.all().size());
            return hs;
        } catch (RuntimeException | Error e) {
            life.close();
            throw e;
        }
    }

    /** The port the HTTP listener is bound to (the real one when {@code listen.port} was 0). */
    public int port() {
        return api.port();
    }

    /** {@code http://host:port}, for clients. */
    public String baseUrl() {
        String host = config.listen().host();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    public String serverName() {
        return config.serverName();
    }

    public HomeserverConfig config() {
        return config;
    }

    /** The push pipeline's view of each application service: up or down, failures, back-off. */
    public Map<String, AppServiceStatus> appServiceStatuses() {
        return pipeline.statuses();
    }

    /**
     * Registers an application service now, as an admin installing a registration file would, except that it is
     * stored in the database (like a draft-API registration) and so survives restarts until
     * {@link #unregisterAppService}. Its {@code sender_localpart} user exists when this returns, and delivery
     * starts at the current stream head.
     *
     * @throws IllegalArgumentException when another service already has this {@code id} or {@code as_token}, or
     *                                  the {@code sender_localpart} is not a valid localpart
     * @throws IllegalStateException    after {@link #close}
     */
    public void registerAppService(Registration registration) {
        Objects.requireNonNull(registration, "registration is null");
        requireOpen();
        registry.add(registration);
    }

    /**
     * Removes an application service by id, whatever its origin: delivery stops and its queue is dropped (a
     * registration file's service returns at the next start if the file is still configured). An unknown id does
     * nothing, so cleanup code may call it twice.
     */
    public void unregisterAppService(String id) {
        Objects.requireNonNull(id, "id is null");
        requireOpen();
        if (!registry.remove(id)) {
            LOG.info("unregisterAppService({}): no such application service", id);
        }
    }

    private void requireOpen() {
        if (closed.getCount() == 0) {
            throw new IllegalStateException("the homeserver is closed");
        }
    }

    /** Blocks until {@link #close} has run (for {@code Main}). */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Stops the listener, the senders, the query threads and the database, in that order. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        lifecycle.close();
        closed.countDown();
        LOG.info("homeserver {} stopped", config.serverName());
    }
}
