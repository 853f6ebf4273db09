package org.matrixas.homeserver.txn;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.matrixas.homeserver.registration.AppServiceRegistry;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.homeserver.room.EventStream;
import org.matrixas.protocol.client.AppServiceClient;
import org.matrixas.protocol.error.MatrixException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that pushes to one service: re-send the pending transaction if there is one, else build the
 * next, then send; on failure back off exponentially. It waits on the {@link EventStream} when idle.
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
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    private volatile AppServiceStatus status;
    private RegisteredService current;
    private AppServiceClient client;

    ServiceSender(String id, AppServiceRegistry registry, PipelineStore store, EventStream stream, HttpClient http,
            PipelineStore.Limits limits, Backoff backoff) {
        this.id = id;
        this.registry = registry;
        this.store = store;
        this.stream = stream;
        this.http = http;
        this.limits = limits;
        this.backoff = backoff;
        this.status = new AppServiceStatus(id, true, Instant.now(), 0, Duration.ZERO, null);
        this.thread = new Thread(this, "as-sender-" + id);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    AppServiceStatus status() {
        return status;
    }

    /** Stops the thread and waits for it to end. */
    void stop() {
        stop.countDown();
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        while (stop.getCount() > 0) {
            try {
                Optional<RegisteredService> service = registry.byId(id);
                if (service.isEmpty() || service.get().registration().url() == null) {
                    return;
                }
                Optional<PipelineStore.Pending> next = store.pending(id)
                        .or(() -> store.buildNext(service.get(), stream.head(), limits));
                if (next.isEmpty()) {
                    stream.awaitBeyond(store.cursor(id), IDLE_WAIT);
                } else {
                    push(service.get(), next.get());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (stop.getCount() == 0) {
                    return;
                }
                LOG.error("push pipeline of {} failed; retrying", id, e);
                failed(e.getMessage());
            }
        }
    }

    private void push(RegisteredService service, PipelineStore.Pending pending) {
        try {
            client(service).pushTransaction(pending.txnId(), pending.body());
        } catch (MatrixException e) {
            if (stop.getCount() > 0) {
                failed(e.getMessage());
            }
            return;
        }
        store.delivered(id, pending.txnId());
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
            stop.await(delay.toMillis(), TimeUnit.MILLISECONDS);
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
