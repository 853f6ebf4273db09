package org.matrixas.homeserver;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.matrixas.homeserver.config.ConfigException;
import org.matrixas.homeserver.config.ConfigLoader;
import org.matrixas.homeserver.config.HomeserverConfig;
import org.matrixas.homeserver.registration.AppServiceRegistry;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.homeserver.store.StoreException;
import org.matrixas.protocol.http.Warmup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar as-homeserver.jar --config homeserver.yaml}: runs until interrupted. {@code --check-config}
 * only validates the config and its registration files.
 */
@Command(name = "as-homeserver", mixinStandardHelpOptions = true, version = "as-homeserver 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = "A lightweight Matrix homeserver for application services.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:stopped normally, or --check-config found no problem",
            "1:could not start (database, listener)", "2:unusable configuration (the message names file and key)"})
public final class Main implements Callable<Integer> {
    /** Exit status for an unusable configuration. */
    static final int CONFIG_ERROR = 2;

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "the YAML config file (relative paths in it resolve against its folder)")
    private Path config;

    @Option(names = "--check-config",
            description = "validate the config file and every registration file it names, print the result and exit "
                    + "(0 when valid, 2 when not); binds no port and does not touch data_dir")
    private boolean checkConfig;

    public static void main(String[] args) {
        Warmup.inBackground();
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (checkConfig) {
            return check(config, System.out, System.err);
        }
        Homeserver hs;
        try {
            hs = Homeserver.start(ConfigLoader.load(config));
        } catch (ConfigException e) {
            System.err.println("as-homeserver: " + e.getMessage());
            return CONFIG_ERROR;
        } catch (StoreException e) {
            System.err.println("as-homeserver: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof java.net.BindException bind) {
                System.err.println("as-homeserver: cannot listen: " + bind.getMessage());
                return 1;
            }
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(hs::close, "as-homeserver-shutdown"));
        hs.awaitClose();
        return 0;
    }

    /** Reads the config and its registration files the way a start would, without opening or binding anything. */
    static int check(Path file, PrintStream out, PrintStream err) {
        try {
            HomeserverConfig c = ConfigLoader.load(file);
            List<RegisteredService> services = AppServiceRegistry.readFiles(c.appServiceConfigFiles(), c.serverName());
            out.println("config OK: " + file + " (server_name " + c.serverName() + ", listen " + c.listen().host() + ":"
                    + c.listen().port() + ", " + services.size() + " registration file(s)"
                    + (services.isEmpty() ? "" : ": " + String.join(", ", services.stream().map(RegisteredService::id)
                            .toList())) + ")");
            return 0;
        } catch (ConfigException e) {
            err.println("as-homeserver: " + e.getMessage());
            return CONFIG_ERROR;
        }
    }
}
