package org.matrixas.testkit.bench;

/** One named benchmark: it measures, and adds its rows (figure and same-run reference) to the run. */
interface Benchmark {

    String name();

    /** What it measures, for {@code bin/bench --list}. */
    String description();

    void run(BenchContext context) throws Exception;
}
