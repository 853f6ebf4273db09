package org.matrixas.homeserver.txn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.matrixas.homeserver.metrics.Metrics;
import org.matrixas.homeserver.registration.AppServiceRegistry;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.homeserver.room.EventStream;
import org.matrixas.protocol.client.AppServiceClient;
import org.matrixas.protocol.error.MatrixException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that pushes to one service: re-send the pending transaction if there is one, else build the
 * next, then send; on failure back off exponentially (a successful ping cuts the wait short). It waits on its
 * {@link Signal} when idle, so a new event or ephemeral event wakes it at once.
 */
final class ServiceSender implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceSender.class);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(30);
    private static final Duration PUSH_TIMEOUT = Duration.ofSeconds(30);

    private final String id;
    private final AppServiceRegistry registry;
    private final PipelineStore store;
    private final EventStream stream;
    private final HttpClient http;
    private final PipelineStore.Limits limits;
    private final Backoff backoff;
    private final Signal signal = new Signal();
    private final EphemeralQueue ephemeral = new EphemeralQueue();
    private final Thread thread;
    private final Metrics metrics;
    /** When the service was last seen behind the stream (null while caught up); see {@link #behindFor()}. */
    private final AtomicReference<Instant> behindSince = new AtomicReference<>(Instant.now());
    private volatile AppServiceStatus status;
    private RegisteredService current;
    private AppServiceClient client;
    /** The transaction the service has just acknowledged, cleared with the next build (null when none). */
    private String delivered;

    ServiceSender(String id, AppServiceRegistry registry, PipelineStore store, EventStream stream, HttpClient http,
            PipelineStore.Limits limits, Backoff backoff, Metrics metrics) {
        this.id = id;
        this.registry = registry;
        this.store = store;
        this.stream = stream;
        this.http = http;
        this.limits = limits;
        this.backoff = backoff;
        this.metrics = metrics;
        this.status = new AppServiceStatus(id, true, Instant.now(), 0, Duration.ZERO, null);
        this.thread = new Thread(this, "as-sender-" + id);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    String id() {
        return id;
    }

    AppServiceStatus status() {
        return status;
    }

    /** New events may interest the service. */
    void wake() {
        behindSince.compareAndSet(null, Instant.now());
        signal.work();
    }

    /**
     * How long since the service was last caught up (nothing pending, cursor at the stream head); zero when it is.
     * An upper bound on the age of its oldest undelivered event: a new event marks the service behind until the
     * sender has looked at it (milliseconds when the event does not interest it), and a backlog counts from when
     * it started, not from its oldest remaining event. After a restart it counts from the start.
     */
    Duration behindFor() {
        Instant since = behindSince.get();
        return since == null ? Duration.ZERO : Duration.between(since, Instant.now());
    }

    /** Ends a back-off wait now (after a successful ping). */
    void retryNow() {
        signal.retry();
    }

    void offerEphemeral(ObjectNode event) {
        ephemeral.add(event);
        wake();
    }

    /** Stops the thread and waits for it to end. */
    void stop() {
        signal.stop();
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        try {
            loop();
        } finally {
            flushDelivered();
        }
    }

    /** On a stop, records the last acknowledgement now, so a clean restart does not re-send that transaction. */
    private void flushDelivered() {
        String acked = delivered;
        if (acked != null) {
            try {
                store.delivered(id, acked);
                delivered = null;
            } catch (RuntimeException e) {
                LOG.debug("could not record delivery of transaction {} to {}; it will be re-sent", acked, id, e);
            }
        }
    }

    private void loop() {
        while (!signal.stopped()) {
            try {
                Optional<RegisteredService> service = registry.byId(id);
                if (service.isEmpty() || service.get().registration().url() == null) {
                    return;
                }
                Instant behind = behindSince.get();
                Optional<PipelineStore.Pending> next = nextTransaction(service.get());
                if (next.isEmpty()) {
                    // Caught up, unless wake() marked new events meanwhile (then the mark stays).
                    behindSince.compareAndSet(behind, null);
                    signal.awaitWork(IDLE_WAIT);
                } else {
                    push(service.get(), next.get());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (signal.stopped()) {
                    return;
                }
                LOG.error("push pipeline of {} failed; retrying", id, e);
                failed(e.getMessage());
            }
        }
    }

    /**
     * The pending transaction, else the next one built. After a 2xx the acknowledged one is cleared in the same
     * commit that stores the next (one commit per transaction); it stays marked until then, so a failure or a crash
     * in between re-sends it, which at least once allows.
     */
    private Optional<PipelineStore.Pending> nextTransaction(RegisteredService service) {
        String acked = delivered;
        if (acked == null) {
            Optional<PipelineStore.Pending> pending = store.pending(id);
            if (pending.isPresent()) {
                return pending;
            }
        }
        List<ObjectNode> eph = ephemeral.drain(limits.maxEvents());
        Optional<PipelineStore.Pending> next = store.buildNext(service, stream.head(), limits, eph, acked);
        delivered = null;
        return next;
    }

    private void push(RegisteredService service, PipelineStore.Pending pending) {
        behindSince.compareAndSet(null, Instant.now());
        long start = System.nanoTime();
        try {
            client(service).pushTransaction(pending.txnId(), pending.body());
        } catch (MatrixException e) {
            if (!signal.stopped()) {
                metrics.pushed(id, Duration.ofNanos(System.nanoTime() - start), false, 0);
                failed(e.getMessage());
            }
            return;
        }
        metrics.pushed(id, Duration.ofNanos(System.nanoTime() - start), true, pending.events());
        delivered = pending.txnId();
        LOG.debug("transaction {} ({} events) delivered to {}", pending.txnId(), pending.events(), id);
        AppServiceStatus s = status;
        if (!s.up()) {
            LOG.info("application service {} is up again: transaction {} delivered", id, pending.txnId());
        }
        status = new AppServiceStatus(id, true, s.up() ? s.since() : Instant.now(), 0, Duration.ZERO, pending.txnId());
    }

    private void failed(String reason) {
        AppServiceStatus s = status;
        int failures = s.consecutiveFailures() + 1;
        Duration delay = backoff.delay(failures);
        if (s.up()) {
            LOG.warn("application service {} is down: {}; retrying in {} ms", id, reason, delay.toMillis());
        } else {
            LOG.info("application service {} still down ({} failures): {}; retrying in {} ms", id, failures, reason,
                    delay.toMillis());
        }
        status = new AppServiceStatus(id, false, s.up() ? Instant.now() : s.since(), failures, delay,
                s.lastDeliveredTxnId());
        try {
            if (signal.awaitRetry(delay)) {
                LOG.info("application service {} answered a ping; retrying transactions now", id);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private AppServiceClient client(RegisteredService service) {
        if (!service.equals(current)) {
            current = service;
            client = AppServiceClient.builder().baseUrl(service.registration().url())
                    .hsToken(service.registration().hsToken()).httpClient(http).requestTimeout(PUSH_TIMEOUT).build();
        }
        return client;
    }
}
