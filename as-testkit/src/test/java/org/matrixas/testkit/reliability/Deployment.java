package org.matrixas.testkit.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.matrixas.testkit.irc.IrcServer;

/**
 * The homeserver and the IRC bridge as two real processes with their real logging, wired the way an operator
 * would (the bridge writes its registration file with {@code --generate-registration}, the homeserver loads it
 * through {@code app_service_config_files}), and the in-process IRC server, which outlives both. Remembers every
 * secret of the run, for the log checks.
 */
final class Deployment implements AutoCloseable {
    static final String NETWORK = "irc.example.org";
    final IrcServer irc;
    final HsProcess hs;
    final BridgeProcess bridge;
    final String asToken = "as_" + UUID.randomUUID();
    final String hsToken = "hs_" + UUID.randomUUID();
    private final List<String> secrets = new ArrayList<>(List.of(asToken, hsToken));

    /**
     * @param logLevel both processes' {@code logging.level}
     * @param flood    the network's {@code flood} section, e.g. {@code {burst: 3, interval_ms: 100}}
     */
    Deployment(Path dir, String logLevel, String flood, String... channels) {
        irc = IrcServer.builder().build().start();
        try {
            Path hsDir = Files.createDirectories(dir.resolve("hs"));
            hs = new HsProcess(hsDir, """
                    server_name: localhost
                    data_dir: data
                    enable_registration: true
                    app_service_config_files: [irc-registration.yaml]
                    appservice: {backoff_min_ms: 50, backoff_max_ms: 1000}
                    logging: {level: %s}
                    """.formatted(logLevel), List.of());
            bridge = new BridgeProcess(dir.resolve("bridge"), hs.baseUrl(), asToken, hsToken, """
                    data_dir: data
                    logging: {level: %s}
                    networks:
                      - domain: %s
                        host: 127.0.0.1
                        port: %d
                        channels: [%s]
                        flood: %s
                    """.formatted(logLevel, NETWORK, irc.port(), String.join(", ", quoted(channels)), flood));
            bridge.generateRegistration(hsDir.resolve("irc-registration.yaml"));
        } catch (IOException e) {
            irc.close();
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> quoted(String... channels) {
        return List.of(channels).stream().map(c -> "\"" + c + "\"").toList();
    }

    /** Starts the homeserver, then the bridge (healthy: registered, its bot on IRC). */
    Deployment start() {
        hs.start();
        bridge.start();
        return this;
    }

    /** Remembers a token or password that must never be logged. */
    String secret(String s) {
        secrets.add(s);
        return s;
    }

    /** The secrets found in either process's log, each shown by its first 4 characters only; empty is good. */
    List<String> leakedSecrets() {
        String logs = hs.logText() + "\n" + bridge.logText();
        return secrets.stream().filter(logs::contains).map(s -> s.substring(0, 4) + "…").toList();
    }

    /** How many lines both logs have together (the figure of what was searched). */
    long logLines() {
        return (hs.logText() + bridge.logText()).lines().count();
    }

    /** Copies both logs to {@code target/reliability-logs/<name>-{homeserver,bridge}.log}, to read after a run. */
    void keepLogs(String name) {
        try {
            Path out = Files.createDirectories(Path.of("target", "reliability-logs"));
            Files.writeString(out.resolve(name + "-homeserver.log"), hs.logText());
            Files.writeString(out.resolve(name + "-bridge.log"), bridge.logText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int secretCount() {
        return secrets.size();
    }

    @Override
    public void close() {
        bridge.close();
        hs.close();
        irc.close();
    }
}
