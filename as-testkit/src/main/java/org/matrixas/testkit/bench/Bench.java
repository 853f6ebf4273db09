package org.matrixas.testkit.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs benchmarks, prints their table and writes {@code results.json}: the entry point of {@code bin/bench}.
 *
 * <pre>
 * java -cp as-testkit-tools.jar org.matrixas.testkit.bench.Bench [--quick] [--out DIR] [--root DIR] [NAME...]
 * </pre>
 *
 * <p>Names: {@code push send relay puppets interest startup}; none means all. A benchmark that cannot run here
 * (ngircd missing, a jar not built, a module not ready) gives rows without a value and a note, and the others
 * still run. The exit status is 0 when the harness ran, whatever the figures; 2 for a usage error.
 */
public final class Bench {
    private static final Map<String, Benchmark> ALL = new LinkedHashMap<>();

    static {
        for (Benchmark b : List.of(new PushBench(), new SendBench(), new RelayBench(), new PuppetsRunner(),
                new InterestBench(), new StartupBench())) {
            ALL.put(b.name(), b);
        }
    }

    private Bench() {
    }

    /** The benchmark names, in the order a full run takes them. */
    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /**
     * Runs the named benchmarks (all when {@code names} is empty) and writes {@code outDir/results.json} after each
     * one, so an interrupted run keeps what it measured.
     *
     * @param root the repository root, where {@code startup} finds the runnable jars
     * @throws IllegalArgumentException for an unknown name
     */
    public static List<Row> run(Scale scale, List<String> names, Path root, Path outDir) throws IOException {
        List<Benchmark> selected = new ArrayList<>();
        for (String n : names.isEmpty() ? names() : names) {
            Benchmark b = ALL.get(n);
            if (b == null) {
                throw new IllegalArgumentException("unknown benchmark '" + n + "'; known: " + names());
            }
            selected.add(b);
        }
        BenchContext ctx = new BenchContext(scale, root.toAbsolutePath());
        Path json = outDir.resolve("results.json");
        for (Benchmark b : selected) {
            long start = System.nanoTime();
            System.out.println("== " + b.name() + ": " + b.description());
            try {
                b.run(ctx);
            } catch (Exception | Error e) {
                ctx.add(Row.unavailable(b.name(), "-", Target.none(), "failed: " + e));
                e.printStackTrace(System.out);
            }
            System.out.printf("   (%s took %d s)%n", b.name(), Duration.ofNanos(System.nanoTime() - start).toSeconds());
            Results.writeJson(ctx.rows(), json);
        }
        System.out.println();
        System.out.print(Results.table(ctx.rows()));
        System.out.println();
        System.out.println("wrote " + json.toAbsolutePath());
        return ctx.rows();
    }

    public static void main(String[] args) throws IOException {
        // Undertow and XNIO log their start and stop through java.util.logging; keep the table readable.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        for (var h : java.util.logging.Logger.getLogger("").getHandlers()) {
            h.setLevel(java.util.logging.Level.WARNING);
        }
        Scale scale = Scale.FULL;
        Path out = Path.of("target", "bench");
        Path root = Path.of("");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> scale = Scale.QUICK;
                case "--smoke" -> scale = Scale.SMOKE;
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--root" -> root = Path.of(value(args, ++i, "--root"));
                case "--list" -> {
                    ALL.values().forEach(b -> System.out.printf("%-9s %s%n", b.name(), b.description()));
                    return;
                }
                case "-h", "--help" -> {
                    System.out.println("usage: bin/bench [--quick] [--out DIR] [NAME...]   names: " + names());
                    return;
                }
                default -> {
                    if (args[i].startsWith("-") || !ALL.containsKey(args[i])) {
                        usage("unknown argument '" + args[i] + "'");
                    }
                    names.add(args[i]);
                }
            }
        }
        run(scale, names, root, out);
        // Library threads (JDK HTTP client selectors, KICL) may linger; the run is over.
        System.exit(0);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            usage(flag + " needs a value");
        }
        return args[i];
    }

    private static void usage(String message) {
        System.err.println("bench: " + message);
        System.err.println("usage: bin/bench [--quick] [--out DIR] [NAME...]   names: " + names());
        System.exit(2);
    }
}
