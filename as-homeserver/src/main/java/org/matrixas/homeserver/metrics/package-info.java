/**
 * Prometheus figures of the homeserver: {@link org.matrixas.homeserver.metrics.Metrics} records them (push
 * pipeline, queries, HTTP, long-polls) and writes the text exposition format that {@code GET /metrics} serves;
 * {@link org.matrixas.homeserver.metrics.ServiceGauges} is the per-service snapshot the push pipeline supplies.
 */
package org.matrixas.homeserver.metrics;
