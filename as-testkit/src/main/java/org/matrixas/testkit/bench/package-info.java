/**
 * Benchmark drivers that a benchmark harness calls: {@link org.matrixas.testkit.bench.PuppetsBench} measures what
 * each puppet connection of the IRC bridge costs (threads, heap) and how long a crowd takes to connect.
 */
package org.matrixas.testkit.bench;
