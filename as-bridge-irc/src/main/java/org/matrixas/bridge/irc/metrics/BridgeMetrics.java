package org.matrixas.bridge.irc.metrics;

import com.google.inject.Singleton;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * The bridge's Prometheus metrics, served as text at {@code GET /metrics} on the AS port. Each bridge has its own
 * registry (not the JVM-wide default), so several bridges in one JVM (tests, the testkit) never clash.
 */
@Singleton
public final class BridgeMetrics {
    /** Which way a message went. */
    public enum Direction { MATRIX_TO_IRC, IRC_TO_MATRIX }

    // Metrics are built withoutExemplars(): there are no traces to link, and the client's exemplar sampler starts a
    // JVM-wide scheduler thread on the first increment that no close() can stop.
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = new PrometheusTextFormatWriter(false);
    private final Counter messages = Counter.builder().withoutExemplars().name("irc_bridge_messages")
            .help("Messages bridged, by direction and kind (text, emote, notice)")
            .labelNames("direction", "kind").register(registry);
    private final Counter reconnects = Counter.builder().withoutExemplars().name("irc_bridge_reconnects")
            .help("IRC reconnect attempts scheduled after a connection dropped").register(registry);
    private final Counter transactions = Counter.builder().withoutExemplars().name("irc_bridge_transactions")
            .help("Application service transactions processed").register(registry);
    private final Counter queries = Counter.builder().withoutExemplars().name("irc_bridge_queries")
            .help("User and alias queries answered, by type and outcome (found, not_found)")
            .labelNames("type", "outcome").register(registry);

    /** Counts one bridged message; {@code kind} is e.g. {@code text}, {@code emote}, {@code notice}. */
    public void messageBridged(Direction direction, String kind) {
        messages.labelValues(direction.name().toLowerCase(java.util.Locale.ROOT), kind).inc();
    }

    public void reconnectScheduled() {
        reconnects.inc();
    }

    public void transactionProcessed() {
        transactions.inc();
    }

    /** Counts an answered query; {@code type} is {@code user} or {@code alias}. */
    public void queryAnswered(String type, boolean found) {
        queries.labelValues(type, found ? "found" : "not_found").inc();
    }

    /**
     * Registers the connection gauges: {@code irc_bridge_connections{role, state}} and {@code irc_bridge_puppets},
     * read from {@code counts} at every scrape.
     */
    public void connections(Supplier<ConnectionCounts> counts) {
        GaugeWithCallback.builder().name("irc_bridge_connections")
                .help("IRC connections by role (bot, puppet) and state (connected, connecting, disconnected)")
                .labelNames("role", "state").callback(cb -> counts.get().report(cb::call)).register(registry);
        GaugeWithCallback.builder().name("irc_bridge_puppets").help("Puppet connections the bridge holds")
                .callback(cb -> cb.call(counts.get().puppets())).register(registry);
    }

    /** The metrics in Prometheus' text format 0.0.4. */
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }
}
