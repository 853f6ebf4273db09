package org.matrixas.testkit.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a benchmark gets: the scale, the repository root (for the runnable jars), and where its rows go. Rows are
 * printed as they come so a long run shows progress.
 */
final class BenchContext {
    private final Scale scale;
    private final Path root;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> shared = new HashMap<>();

    BenchContext(Scale scale, Path root) {
        this.scale = Objects.requireNonNull(scale, "scale is null");
        this.root = Objects.requireNonNull(root, "root is null");
    }

    Scale scale() {
        return scale;
    }

    /** The repository root: {@code as-homeserver/target/as-homeserver.jar} and the like resolve against it. */
    Path root() {
        return root;
    }

    synchronized void add(Row row) {
        rows.add(row);
        System.out.println("  " + Results.line(row));
    }

    synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    /** A measurement two benchmarks share ({@code send} loads the events that {@code push} then delivers). */
    @SuppressWarnings("unchecked")
    synchronized <T> T shared(String key, Supplier<T> compute) {
        Object v = shared.get(key);
        if (v == null) {
            v = compute.get();
            shared.put(key, v);
        }
        return (T) v;
    }

    static void log(String format, Object... args) {
        System.out.println("    " + String.format(format, args));
    }
}
