package org.matrixas.testkit.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The homeserver as a real process ({@code java -jar ../as-homeserver/target/as-homeserver.jar --config FILE}),
 * killable with SIGKILL and restartable on the same data folder and port. Its stderr goes to a log file (kept
 * across restarts) that tests grep.
 */
final class HsProcess extends JarProcess {
    static final Path JAR = Path.of("..", "as-homeserver", "target", "as-homeserver.jar");
    private final Path config;
    private final List<String> prefix;

    /**
     * @param yamlBody the config without {@code listen} (written by this class), relative paths against {@code dir}
     * @param prefix a command prefix (e.g. {@code prlimit --fsize=...}); empty for none
     */
    HsProcess(Path dir, String yamlBody, List<String> prefix) {
        super("homeserver", dir, JAR);
        this.config = dir.resolve("homeserver.yaml");
        this.prefix = List.copyOf(prefix);
        try {
            Files.writeString(config, "listen: {host: 127.0.0.1, port: " + port + "}\n" + yamlBody);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HsProcess start() {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(java(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toAbsolutePath().toString(),
                "--config", config.toString()));
        launch(cmd, Duration.ofSeconds(60));
        return this;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dir.resolve("data");
    }
}
