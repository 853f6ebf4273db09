package org.matrixas.testkit.bench;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** {@code interest}: runs {@link InterestBenchmark} under JMH and reports microseconds per event. */
final class InterestBench implements Benchmark {
    static final Target TARGET = Target.atMost(2000, "ns");

    @Override
    public String name() {
        return "interest";
    }

    @Override
    public String description() {
        return "namespace interest decision per event, 100 ASes x 10 regexes, 1,000-member rooms (JMH),"
                + " vs two hash lookups";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        String prefix = InterestBenchmark.class.getName().replace(".", "\\.") + "\\.";
        // --quick keeps to the row with a target (two forks), so the quick run stays short.
        boolean all = ctx.scale() != Scale.QUICK;
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include(all ? prefix : prefix + "(decide|floor)$")
                .shouldFailOnError(true);
        switch (ctx.scale()) {
            case FULL -> o.forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1));
            case QUICK -> o.forks(1).warmupIterations(1).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(2).measurementTime(TimeValue.milliseconds(300));
            // In-process and short: the smoke test only checks that the JMH path runs.
            case SMOKE -> o.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(200));
        }
        // -Dbench.jmh.jvmArgs="-XX:StartFlightRecording=..." profiles the forked benchmark JVM (BENCHMARKS.md).
        String jvmArgs = System.getProperty("bench.jmh.jvmArgs", "").trim();
        if (!jvmArgs.isEmpty()) {
            o.jvmArgsAppend(jvmArgs.split("\\s+"));
        }
        Collection<RunResult> results = new Runner(o.build()).run();
        ctx.add(Row.of("interest/100as", score(results, "decide"), "ns/event", score(results, "floor"), TARGET)
                .withNote("JMH average time of InterestIndex.wanted; reference: two hash lookups per event"));
        if (!all) {
            return;
        }
        ctx.add(Row.of("interest/100as.new_user", score(results, "newUser"), "ns/event",
                score(results, "newUserAllRegexes"), Target.none())
                .withNote("an unseen sender; reference: every service's regexes"));
    }

    private static double score(Collection<RunResult> results, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .mapToDouble(r -> r.getPrimaryResult().getScore()).findFirst()
                .orElseThrow(() -> new IllegalStateException("JMH gave no result for " + method));
    }
}
