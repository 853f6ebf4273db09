/**
 * The benchmark harness behind {@code bin/bench} and the drivers it calls. {@link
 * org.matrixas.testkit.bench.Bench#main} runs the named benchmarks ({@code push}, {@code send}, {@code relay},
 * {@code puppets}, {@code interest}, {@code startup}), prints a table and writes {@code target/bench/results.json};
 * every figure is a {@link org.matrixas.testkit.bench.Row} with a reference measured in the same run on the same
 * loopback. {@link org.matrixas.testkit.bench.PuppetsBench} measures what each puppet connection of the IRC bridge
 * costs (threads, heap) and how long a crowd takes to connect. See {@code BENCHMARKS.md} at the repository root.
 */
package org.matrixas.testkit.bench;
