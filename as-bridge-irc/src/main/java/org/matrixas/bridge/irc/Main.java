package org.matrixas.bridge.irc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.ConfigException;
import org.matrixas.bridge.irc.config.ConfigLoader;
import org.matrixas.bridge.irc.registration.Registrations;
import org.matrixas.bridge.irc.runtime.LogLevels;
import org.matrixas.protocol.http.Warmup;
import org.matrixas.protocol.registration.Registration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: run the bridge from a config file, or write its registration file and exit. */
@Command(name = "as-bridge-irc", mixinStandardHelpOptions = true, version = "as-bridge-irc 0.1.0",
        description = "A Matrix application service bridging IRC channels into Matrix rooms.")
public final class Main implements Callable<Integer> {
    static final int CONFIG_ERROR = 2;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the bridge's YAML config")
    private Path config;

    @Option(names = "--generate-registration", paramLabel = "FILE",
            description = "write the registration YAML for the homeserver to FILE and exit")
    private Path registration;

    @Option(names = "--check-config",
            description = "read and check the config as a run would, print what it found and exit (0: OK, 2: error); "
                    + "binds nothing and connects nowhere")
    private boolean checkConfig;

    public static void main(String[] args) {
        Warmup.inBackground();
        System.exit(run(args));
    }

    /** Runs the command line; returns the exit code (the bridge itself runs until the JVM is stopped). */
    static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        BridgeConfig loaded;
        try {
            loaded = checkConfig ? ConfigLoader.check(config) : ConfigLoader.load(config);
        } catch (ConfigException e) {
            System.err.println("as-bridge-irc: " + e.getMessage());
            return CONFIG_ERROR;
        }
        if (checkConfig) {
            System.out.println("config OK: " + summary(loaded));
            return 0;
        }
        LogLevels.apply(loaded.logging());
        if (registration != null) {
            return generate(loaded);
        }
        return runBridge(loaded);
    }

    private String summary(BridgeConfig c) {
        return config + ": homeserver " + c.homeserver().url() + " (" + c.homeserver().domain() + "), "
                + c.networks().size() + (c.networks().size() == 1 ? " network (" : " networks (")
                + String.join(", ", c.networks().stream().map(n -> n.domain() + " at " + n.host() + ":" + n.port())
                        .toList())
                + "), AS on " + c.appservice().host() + ":" + c.appservice().port() + ", data in " + c.dataDir()
                + ", log level " + c.logging().level();
    }

    private int generate(BridgeConfig loaded) throws IOException {
        Registration r = Registrations.write(loaded, registration);
        System.err.println("wrote " + registration + " for application service '" + r.id() + "' at " + r.url());
        if (loaded.appservice().hsTokenOpt().isEmpty() && !loaded.appservice().registerViaApi()) {
            System.err.println("appservice.hs_token is not in " + config + ": a new one was generated into "
                    + registration + "; copy it into the config as appservice.hs_token");
        }
        return 0;
    }

    private int runBridge(BridgeConfig loaded) throws InterruptedException {
        IrcBridge bridge;
        try {
            bridge = IrcBridge.start(loaded);
        } catch (ConfigException e) {
            System.err.println("as-bridge-irc: " + config + ": " + e.getMessage());
            return CONFIG_ERROR;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bridge.close();
            stopped.countDown();
        }, "bridge-shutdown"));
        stopped.await();
        return 0;
    }
}
