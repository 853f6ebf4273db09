package org.matrixas.testkit.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.matrixas.testkit.Await;

/**
 * The homeserver as a real process ({@code java -jar ../as-homeserver/target/as-homeserver.jar --config FILE}),
 * killable with SIGKILL and restartable on the same data folder and port. Its stderr goes to a log file (kept
 * across restarts) that tests grep.
 */
final class HsProcess implements AutoCloseable {
    static final Path JAR = Path.of("..", "as-homeserver", "target", "as-homeserver.jar");
    private final Path dir;
    private final Path config;
    private final Path log;
    private final int port;
    private final List<String> prefix;
    private Process process;
    private int starts;

    /**
     * @param yamlBody the config without {@code listen} (written by this class), relative paths against {@code dir}
     * @param prefix a command prefix (e.g. {@code prlimit --fsize=...}); empty for none
     */
    HsProcess(Path dir, String yamlBody, List<String> prefix) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run mvn package first");
        }
        this.dir = dir;
        this.port = Rel.freePort();
        this.config = dir.resolve("homeserver.yaml");
        this.log = dir.resolve("homeserver.log");
        this.prefix = List.copyOf(prefix);
        try {
            Files.writeString(config, "listen: {host: 127.0.0.1, port: " + port + "}\n" + yamlBody);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HsProcess start() {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-jar", JAR.toAbsolutePath().toString(), "--config", config.toString()));
        try {
            Files.writeString(log, "---- start " + (++starts) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Await.until("the homeserver process to answer /health (log " + log + ")", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the homeserver exited with " + process.exitValue() + ": " + logText());
            }
            return healthy();
        }, Duration.ofSeconds(60));
        return this;
    }

    boolean healthy() {
        try {
            return Rel.send("GET", baseUrl() + "/health", null, (byte[]) null).status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** SIGKILL (on Linux {@link Process#destroyForcibly()} sends signal 9) and wait until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the homeserver did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dir.resolve("data");
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
