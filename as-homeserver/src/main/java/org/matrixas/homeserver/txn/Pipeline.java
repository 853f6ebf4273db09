package org.matrixas.homeserver.txn;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.matrixas.homeserver.config.AppServiceConfig;
import org.matrixas.homeserver.ephemeral.EphemeralEvent;
import org.matrixas.homeserver.metrics.Metrics;
import org.matrixas.homeserver.metrics.ServiceGauges;
import org.matrixas.homeserver.registration.AppServiceRegistry;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.homeserver.room.Aliases;
import org.matrixas.homeserver.room.EventStream;
import org.matrixas.homeserver.room.Rooms;
import org.matrixas.homeserver.store.Database;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

/**
 * The push pipeline: one {@link ServiceSender} thread per service with a URL, started and stopped as services
 * register and unregister. A newly registered service starts at the current stream head (no history); a
 * service known from an earlier run resumes where it stopped, re-sending its pending transaction first.
 * Ephemeral events go, in memory, to the services that asked for them ({@code receive_ephemeral}).
 */
public final class Pipeline implements AppServiceRegistry.Listener, AutoCloseable {
    private final AppServiceRegistry registry;
    private final PipelineStore store;
    private final Rooms rooms;
    private final EventStream stream;
    private final PipelineStore.Limits limits;
    private final Backoff backoff;
    private final Metrics metrics;
    private final ExecutorService httpExecutor;
    private final HttpClient http;
    private final Runnable onNewEvents = this::wakeAll;
    private final Map<String, ServiceSender> senders = new TreeMap<>();
    /** A copy of the senders for the request threads that wake them, so they never wait for this object's lock. */
    private volatile List<ServiceSender> live = List.of();
    private boolean closed;

    public Pipeline(Database db, Rooms rooms, Aliases aliases, EventStream stream, AppServiceRegistry registry,
            AppServiceConfig config, Metrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
        this.store = new PipelineStore(db, rooms, aliases, registry::all);
        this.rooms = rooms;
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
        Set<String> ids = new HashSet<>();
        registry.all().forEach(s -> ids.add(s.id()));
        store.dropAllExcept(ids);
        for (RegisteredService s : registry.all()) {
            store.init(s.id(), stream.head(), false);
            startSender(s);
        }
        registry.addListener(this);
        stream.addListener(onNewEvents);
    }

    @Override
    public synchronized void registered(RegisteredService service, boolean replaced) {
        if (closed) {
            return;
        }
        stopSender(service.id());
        store.interest().refresh();
        store.init(service.id(), stream.head(), !replaced);
        startSender(service);
    }

    @Override
    public synchronized void unregistered(RegisteredService service) {
        stopSender(service.id());
        store.interest().refresh();
        store.drop(service.id());
        metrics.forget(service.id());
    }

    /**
     * The figures of every service with a running sender, for {@code /metrics}: one read of every cursor, no
     * event scan, so a scrape stays cheap however long the queues are.
     */
    public List<ServiceGauges> gauges() {
        List<ServiceSender> targets = live;
        long head = stream.head();
        Map<String, PipelineStore.Backlog> backlogs = store.backlogs();
        List<ServiceGauges> out = new java.util.ArrayList<>();
        for (ServiceSender sender : targets) {
            AppServiceStatus st = sender.status();
            PipelineStore.Backlog b = backlogs.get(sender.id());
            long queued = b == null ? 0 : b.pendingEvents() + Math.max(0, head - b.cursor());
            out.add(new ServiceGauges(sender.id(), st.up(), st.consecutiveFailures(), st.retryDelay(), queued,
                    sender.behindFor()));
        }
        return out;
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

    /** Ends the back-off of a service now: it has just answered a ping, so it is probably up. */
    public synchronized void retryNow(String id) {
        Optional.ofNullable(senders.get(id)).ifPresent(ServiceSender::retryNow);
    }

    /** The last txnId issued to a service (0 when none), for tests and diagnostics. */
    public long txnCounter(String id) {
        return store.counter(id);
    }

    /**
     * Queues an ephemeral event for every service that receives ephemeral events and is interested: in the room
     * (room namespace, alias, a joined namespace user) or in the user (namespace, or a room of the user it cares
     * about, for presence).
     */
    public void publish(EphemeralEvent event) {
        List<ServiceSender> targets = live;
        if (targets.isEmpty()) {
            return;
        }
        List<RoomId> roomsToCheck = event.room().map(List::of).orElseGet(() -> rooms.roomsOf(event.user(), "join"));
        store.catchUp(stream.head());
        for (ServiceSender sender : targets) {
            Optional<RegisteredService> s = registry.byId(sender.id());
            if (s.isPresent() && s.get().registration().isReceiveEphemeral()
                    && interested(store.interest().slot(s.get()), event.user(), roomsToCheck)) {
                sender.offerEphemeral(event.json());
            }
        }
    }

    private static boolean interested(InterestIndex.Slot s, UserId user, List<RoomId> roomIds) {
        if (s.wantsUser(user)) {
            return true;
        }
        for (RoomId room : roomIds) {
            if (s.wantsRoom(room)) {
                return true;
            }
        }
        return false;
    }

    private void wakeAll() {
        live.forEach(ServiceSender::wake);
    }

    private void startSender(RegisteredService s) {
        if (closed || s.registration().url() == null) {
            return;
        }
        ServiceSender sender = new ServiceSender(s.id(), registry, store, stream, http, limits, backoff, metrics);
        senders.put(s.id(), sender);
        live = List.copyOf(senders.values());
        sender.start();
    }

    private void stopSender(String id) {
        ServiceSender old = senders.remove(id);
        live = List.copyOf(senders.values());
        if (old != null) {
            old.stop();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        stream.removeListener(onNewEvents);
        for (String id : senders.keySet().toArray(String[]::new)) {
            stopSender(id);
        }
        httpExecutor.shutdownNow();
    }
}
