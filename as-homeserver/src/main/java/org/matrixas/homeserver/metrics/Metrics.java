package org.matrixas.homeserver.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The homeserver's Prometheus figures, in a registry of its own (several homeservers in one JVM, as in tests, do
 * not mix). Labels are registration ids, query kinds, route patterns and status classes: never a token, a user
 * ID or anything else a client chooses. See the README for every name and its meaning.
 */
public final class Metrics {
    /** Query outcomes: the service said yes (200), no (404), did not answer in time, or refused otherwise. */
    public enum QueryOutcome {
        FOUND("200"), NOT_FOUND("404"), TIMEOUT("timeout"), ERROR("error");

        private final String label;

        QueryOutcome(String label) {
            this.label = label;
        }
    }

    /** The kinds of blocking query. */
    public static final List<String> QUERY_KINDS = List.of("user", "alias");
    /** What {@code route} is for a request that matched no route. */
    public static final String UNMATCHED = "unmatched";

    private static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
    private static final String AS = "appservice";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = new PrometheusTextFormatWriter(false);
    private final Histogram push;
    private final Counter transactions;
    private final Counter events;
    private final Histogram query;
    private final Counter http;
    private final Gauge longPolls;
    private volatile Supplier<List<ServiceGauges>> services = List::of;
    private List<ServiceGauges> scraped = List.of();

    public Metrics() {
        // Metrics are built withoutExemplars(): there are no traces to link, and the client's exemplar sampler starts a
        // JVM-wide scheduler thread on the first increment that no close() can stop.
        push = Histogram.builder().withoutExemplars().name("matrixas_appservice_push_duration_seconds")
                .help("Time to push one transaction to an application service, by outcome (success or failure)")
                .labelNames(AS, "outcome").classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);
        transactions = Counter.builder().withoutExemplars().name("matrixas_appservice_transactions_delivered_total")
                .help("Transactions the application service acknowledged with 2xx").labelNames(AS).register(registry);
        events = Counter.builder().withoutExemplars().name("matrixas_appservice_events_delivered_total")
                .help("Events (room and ephemeral) in acknowledged transactions").labelNames(AS).register(registry);
        query = Histogram.builder().withoutExemplars().name("matrixas_appservice_query_duration_seconds")
                .help("Blocking user/alias queries to an application service: latency (all attempts) by outcome")
                .labelNames(AS, "kind", "outcome").classicOnly().classicUpperBounds(LATENCY_BUCKETS)
                .register(registry);
        http = Counter.builder().withoutExemplars().name("matrixas_http_requests_total")
                .help("HTTP requests by method, route pattern and status class")
                .labelNames("method", "route", "status").register(registry);
        longPolls = Gauge.builder().withoutExemplars().name("matrixas_sync_long_polls_in_flight")
                .help("/sync requests currently waiting for events").register(registry);
        gauge("matrixas_appservice_up", "1 while pushes to the application service succeed, 0 after a failure",
                s -> s.up() ? 1 : 0);
        gauge("matrixas_appservice_consecutive_failures", "Failed pushes since the last success",
                ServiceGauges::consecutiveFailures);
        gauge("matrixas_appservice_retry_delay_seconds", "Back-off before the next push attempt (0 while up)",
                s -> seconds(s.retryDelay()));
        gauge("matrixas_appservice_queue_events", "Events waiting for the application service (upper bound: "
                + "pending transaction plus stream events after its cursor)", ServiceGauges::queueEvents);
        gauge("matrixas_appservice_oldest_undelivered_seconds", "Seconds since the application service was last "
                + "caught up: an upper bound on the age of its oldest undelivered event", s -> seconds(s.behindFor()));
    }

    private void gauge(String name, String help, java.util.function.ToDoubleFunction<ServiceGauges> value) {
        GaugeWithCallback.builder().name(name).help(help).labelNames(AS)
                .callback(cb -> scraped.forEach(s -> cb.call(value.applyAsDouble(s), s.id()))).register(registry);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** Where the per-service gauges come from (the push pipeline); read once per scrape. */
    public void serviceGauges(Supplier<List<ServiceGauges>> source) {
        services = Objects.requireNonNull(source, "source is null");
    }

    /** A push attempt ended: acknowledged with {@code events} events, or failed ({@code events} ignored). */
    public void pushed(String asId, Duration latency, boolean ok, int events) {
        push.labelValues(asId, ok ? "success" : "failure").observe(seconds(latency));
        if (ok) {
            transactions.labelValues(asId).inc();
            this.events.labelValues(asId).inc(events);
        }
    }

    /** A blocking query ended; {@code kind} is one of {@link #QUERY_KINDS}. */
    public void queried(String asId, String kind, QueryOutcome outcome, Duration latency) {
        query.labelValues(asId, kind, outcome.label).observe(seconds(latency));
    }

    /** A request was answered; {@code route} is the route's pattern or {@link #UNMATCHED}. */
    public void httpRequest(String method, String route, int status) {
        http.labelValues(method, route, (status / 100) + "xx").inc();
    }

    public void longPollStarted() {
        longPolls.inc();
    }

    public void longPollEnded() {
        longPolls.dec();
    }

    /** Drops the series of a service that was unregistered, so it does not linger as stale figures. */
    public void forget(String asId) {
        for (String outcome : List.of("success", "failure")) {
            push.remove(asId, outcome);
        }
        transactions.remove(asId);
        events.remove(asId);
        for (String kind : QUERY_KINDS) {
            for (QueryOutcome o : QueryOutcome.values()) {
                query.remove(asId, kind, o.label);
            }
        }
    }

    /** The content type of {@link #scrape()}: the Prometheus text format 0.0.4. */
    public String contentType() {
        return writer.getContentType();
    }

    /** Every figure now, in the Prometheus text exposition format. */
    public synchronized byte[] scrape() {
        scraped = services.get();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            writer.write(out, registry.scrape());
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            scraped = List.of();
        }
    }
}
