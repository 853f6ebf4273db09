package org.matrixas.homeserver.config;

/**
 * The Prometheus endpoint ({@code metrics: {enabled: true}}). When enabled, {@code GET /metrics} on the main
 * listener answers without a token: keep the listener on loopback or put a proxy in front of it.
 *
 * @param enabled serve {@code GET /metrics} (default true); figures are recorded either way
 */
public record MetricsConfig(boolean enabled) {
    public static final MetricsConfig DEFAULT = new MetricsConfig(true);
}
