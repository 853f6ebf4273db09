package org.matrixas.homeserver.txn;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.matrixas.homeserver.config.AppServiceConfig;
import org.matrixas.homeserver.registration.AppServiceRegistry;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.homeserver.room.Aliases;
import org.matrixas.homeserver.room.EventStream;
import org.matrixas.homeserver.room.Rooms;
import org.matrixas.homeserver.store.Database;

/**
 * The push pipeline: one {@link ServiceSender} thread per service with a URL, started and stopped as services
 * register and unregister. A newly registered service starts at the current stream head (no history); a
 * service known from an earlier run resumes where it stopped, re-sending its pending transaction first.
 */
public final class Pipeline implements AppServiceRegistry.Listener, AutoCloseable {
    private final AppServiceRegistry registry;
    private final PipelineStore store;
    private final EventStream stream;
    private final PipelineStore.Limits limits;
    private final Backoff backoff;
    private final ExecutorService httpExecutor;
    private final HttpClient http;
    private final Map<String, ServiceSender> senders = new TreeMap<>();
    private boolean closed;

    public Pipeline(Database db, Rooms rooms, Aliases aliases, EventStream stream, AppServiceRegistry registry,
            AppServiceConfig config) {
        this.registry = registry;
        this.store = new PipelineStore(db, rooms, aliases);
        this.stream = stream;
        this.limits = new PipelineStore.Limits(config.txnMaxEvents(), config.txnMaxBytes());
        this.backoff = new Backoff(config.backoffMin(), config.backoffMax());
        AtomicInteger n = new AtomicInteger();
        this.httpExecutor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "as-push-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpExecutor)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Starts a sender for every registered service and follows later registry changes. */
    public synchronized void start() {
        for (RegisteredService s : registry.all()) {
            store.init(s.id(), stream.head(), false);
            startSender(s);
        }
        registry.addListener(this);
    }

    @Override
    public synchronized void registered(RegisteredService service, boolean replaced) {
        if (closed) {
            return;
        }
        stopSender(service.id());
        store.init(service.id(), stream.head(), !replaced);
        startSender(service);
    }

    @Override
    public synchronized void unregistered(RegisteredService service) {
        stopSender(service.id());
        store.drop(service.id());
    }

    /** The delivery state of every service with a running sender. */
    public synchronized Map<String, AppServiceStatus> statuses() {
        Map<String, AppServiceStatus> out = new TreeMap<>();
        senders.forEach((id, s) -> out.put(id, s.status()));
        return out;
    }

    public synchronized Optional<AppServiceStatus> status(String id) {
        return Optional.ofNullable(senders.get(id)).map(ServiceSender::status);
    }

    /** The last txnId issued to a service (0 when none), for tests and diagnostics. */
    public long txnCounter(String id) {
        return store.counter(id);
    }

    private void startSender(RegisteredService s) {
        if (closed || s.registration().url() == null) {
            return;
        }
        ServiceSender sender = new ServiceSender(s.id(), registry, store, stream, http, limits, backoff);
        senders.put(s.id(), sender);
        sender.start();
    }

    private void stopSender(String id) {
        ServiceSender old = senders.remove(id);
        if (old != null) {
            old.stop();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (String id : senders.keySet().toArray(String[]::new)) {
            stopSender(id);
        }
        httpExecutor.shutdownNow();
    }
}
