package org.matrixas.testkit.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.matrixas.testkit.Await;

/**
 * The IRC bridge as a real process ({@code java -jar ../as-bridge-irc/target/as-bridge-irc.jar --config FILE}),
 * killable with SIGKILL and restartable on the same {@code data_dir} and port. Its output (Logback on stderr, at
 * the config's {@code logging.level}) goes to a log file kept across restarts, which tests grep.
 */
final class BridgeProcess implements AutoCloseable {
    static final Path JAR = Path.of("..", "as-bridge-irc", "target", "as-bridge-irc.jar");
    private final Path dir;
    private final Path config;
    private final Path log;
    private final int port;
    private Process process;
    private int starts;

    /**
     * @param yamlBody the config without {@code homeserver} and {@code appservice} (written by this class, with a
     *                 free port); relative paths against {@code dir}
     */
    BridgeProcess(Path dir, String hsUrl, String asToken, String hsToken, String yamlBody) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run mvn package first");
        }
        this.dir = dir;
        this.port = Rel.freePort();
        this.config = dir.resolve("bridge.yaml");
        this.log = dir.resolve("bridge.log");
        try {
            Files.createDirectories(dir);
            Files.writeString(config, "homeserver: {url: \"" + hsUrl + "\", domain: localhost}\n"
                    + "appservice: {host: 127.0.0.1, port: " + port + ", as_token: " + asToken + ", hs_token: "
                    + hsToken + "}\n" + yamlBody);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code --generate-registration FILE} (the way an operator makes the homeserver's file) and waits. */
    void generateRegistration(Path file) {
        try {
            Process p = new ProcessBuilder(command("--generate-registration", file.toString())).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("--generate-registration failed: " + logText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the bridge and waits until {@code /health} is 200 (registered, every bot connected). */
    BridgeProcess start() {
        try {
            Files.writeString(log, "---- start " + (++starts) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            process = new ProcessBuilder(command()).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Await.until("the bridge process to answer /health with 200 (log " + log + ")", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the bridge exited with " + process.exitValue() + ": " + logText());
            }
            return healthy();
        }, Duration.ofSeconds(90));
        return this;
    }

    private List<String> command(String... extra) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toAbsolutePath().toString(), "--config",
                config.toString()));
        cmd.addAll(List.of(extra));
        return cmd;
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
                throw new AssertionError("the bridge did not die");
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
