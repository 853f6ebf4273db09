package org.matrixas.homeserver;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.matrixas.homeserver.config.ConfigException;
import org.matrixas.homeserver.config.ConfigLoader;
import org.matrixas.homeserver.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar as-homeserver.jar --config homeserver.yaml}: runs until interrupted. */
@Command(name = "as-homeserver", mixinStandardHelpOptions = true, version = "as-homeserver 0.1.0",
        description = "A lightweight Matrix homeserver for application services.")
public final class Main implements Callable<Integer> {
    /** Exit status for an unusable configuration. */
    static final int CONFIG_ERROR = 2;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the YAML config file")
    private Path config;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
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
}
