package org.matrixas.testkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.matrixas.protocol.json.Json;
import org.matrixas.testkit.ngircd.NgircdServer;

/**
 * {@code puppets}: the bridge's puppet connections to ngircd ({@link PuppetsBench}, each run in a fresh JVM):
 * threads and heap per connection beyond the fixed pool, and the time to connect and join them all, against KICL
 * with its defaults at the same count.
 */
final class PuppetsRunner implements Benchmark {
    /** KICL's defaults (six threads a connection) can take many minutes for 1,000 on two busy cores. */
    private static final java.time.Duration FORK_TIMEOUT = java.time.Duration.ofSeconds(180);
    static final Target THREADS = Target.atMost(2, "threads");
    static final Target HEAP = Target.atMost(64, "KB");
    static final Target CONNECT = Target.below(30_000, "ms");

    @Override
    public String name() {
        return "puppets";
    }

    @Override
    public String description() {
        return "puppet connections to ngircd: threads and heap each, time to connect all, vs KICL defaults";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        if (NgircdServer.locate().isEmpty()) {
            for (int count : ctx.scale().puppetCounts()) {
                unavailable(ctx, count, "ngircd is not installed (Debian: apt-get install ngircd)");
            }
            return;
        }
        for (int count : ctx.scale().puppetCounts()) {
            JsonNode shared;
            try {
                shared = fork(count, "shared");
            } catch (Exception e) {
                unavailable(ctx, count, "failed: " + e.getMessage());
                continue;
            }
            JsonNode kicl = null;
            String note = "";
            try {
                kicl = fork(count, "kicl");
            } catch (Exception e) {
                note = "reference: " + e.getMessage();
            }
            String p = "puppets/" + count + ".";
            ctx.add(row(p + "threads_each", shared, kicl, "threadsPerConnection", 1, "threads", THREADS, note));
            ctx.add(row(p + "heap_each", shared, kicl, "heapBytesPerConnection", 1024, "KB", HEAP, note));
            ctx.add(row(p + "connect_all", shared, kicl, "connectMillis", 1, "ms", CONNECT,
                    note.isEmpty() ? "registered and joined, one channel" : note));
        }
    }

    private static Row row(String name, JsonNode shared, JsonNode kicl, String field, double scale, String unit,
            Target target, String note) {
        Double reference = kicl == null ? null : kicl.path(field).asDouble() / scale;
        return Row.of(name, shared.path(field).asDouble() / scale, unit, reference, target).withNote(note);
    }

    private static void unavailable(BenchContext ctx, int count, String why) {
        String p = "puppets/" + count + ".";
        ctx.add(Row.unavailable(p + "threads_each", "threads", THREADS, why));
        ctx.add(Row.unavailable(p + "heap_each", "KB", HEAP, why));
        ctx.add(Row.unavailable(p + "connect_all", "ms", CONNECT, why));
    }

    /** One measurement in a fresh JVM against a fresh ngircd. */
    private static JsonNode fork(int count, String model) throws Exception {
        try (NgircdServer ngircd = NgircdServer.start(30)) {
            List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), PuppetsFork.class.getName(), "" + count,
                    ngircd.host(), "" + ngircd.port(), model));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            List<String> tail = new ArrayList<>();
            JsonNode[] result = new JsonNode[1];
            Thread reader = new Thread(() -> read(p, tail, result), "bench-puppets-output");
            reader.start();
            if (!p.waitFor(FORK_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw new IllegalStateException(model + " x" + count + " did not finish within " + FORK_TIMEOUT);
            }
            reader.join(10_000);
            if (result[0] == null) {
                synchronized (tail) {
                    throw new IllegalStateException(model + " run gave no result: " + String.join(" | ", tail));
                }
            }
            JsonNode r = result[0];
            BenchContext.log("%s x%d: %.2f threads, %.1f KB each, %d ms", model, count,
                    r.path("threadsPerConnection").asDouble(), r.path("heapBytesPerConnection").asDouble() / 1024,
                    r.path("connectMillis").asLong());
            return r;
        }
    }

    private static void read(Process p, List<String> tail, JsonNode[] result) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith(PuppetsFork.PREFIX)) {
                    result[0] = Json.tree(line.substring(PuppetsFork.PREFIX.length()).getBytes(StandardCharsets.UTF_8));
                } else {
                    synchronized (tail) {
                        tail.add(line);
                        if (tail.size() > 20) {
                            tail.remove(0);
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            // The process ended or was killed.
        }
    }
}
