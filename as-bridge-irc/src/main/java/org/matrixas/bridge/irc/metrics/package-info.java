/**
 * Prometheus metrics of the bridge: {@link org.matrixas.bridge.irc.metrics.BridgeMetrics} holds the counters and
 * gauges and renders {@code GET /metrics}.
 */
package org.matrixas.bridge.irc.metrics;
