package org.matrixas.testkit.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.matrixas.testkit.Await;

/** What {@link HsProcess} and {@link BridgeProcess} share: one of the project's jars as a real, killable process. */
abstract class JarProcess implements AutoCloseable {
    final Path dir;
    final Path log;
    final int port = Rel.freePort();
    private final String name;
    Process process;
    private int starts;

    JarProcess(String name, Path dir, Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run mvn package first");
        }
        this.name = name;
        this.dir = dir;
        this.log = dir.resolve(name + ".log");
    }

    /** Starts {@code cmd} with its output appended to the log, and waits up to {@code wait} for {@code /health}. */
    final void launch(List<String> cmd, Duration wait) {
        try {
            Files.writeString(log, "---- start " + (++starts) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Await.until("the " + name + " process to answer /health with 200 (log " + log + ")", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the " + name + " exited with " + process.exitValue() + ": " + logText());
            }
            return healthy();
        }, wait);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    boolean healthy() {
        try {
            return Rel.send("GET", baseUrl() + "/health", null, (byte[]) null).status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** SIGKILL ({@link Process#destroyForcibly()} on Linux) and wait until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the " + name + " did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
