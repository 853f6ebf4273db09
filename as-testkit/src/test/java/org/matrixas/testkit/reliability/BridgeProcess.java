package org.matrixas.testkit.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The IRC bridge as a real process ({@code java -jar ../as-bridge-irc/target/as-bridge-irc.jar --config FILE}),
 * killable with SIGKILL and restartable on the same {@code data_dir} and port. Its output (Logback on stderr, at
 * the config's {@code logging.level}) goes to a log file kept across restarts, which tests grep.
 */
final class BridgeProcess extends JarProcess {
    static final Path JAR = Path.of("..", "as-bridge-irc", "target", "as-bridge-irc.jar");
    private final Path config;

    /**
     * @param yamlBody the config without {@code homeserver} and {@code appservice} (written by this class, with a
     *                 free port); relative paths against {@code dir}
     */
    BridgeProcess(Path dir, String hsUrl, String asToken, String hsToken, String yamlBody) {
        super("bridge", dir, JAR);
        this.config = dir.resolve("bridge.yaml");
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
        launch(command(), Duration.ofSeconds(90));
        return this;
    }

    private List<String> command(String... extra) {
        List<String> cmd = new ArrayList<>(List.of(java(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toAbsolutePath().toString(), "--config",
                config.toString()));
        cmd.addAll(List.of(extra));
        return cmd;
    }
}
