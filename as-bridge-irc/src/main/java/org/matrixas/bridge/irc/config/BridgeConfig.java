package org.matrixas.bridge.irc.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole bridge configuration, as read from YAML by {@link ConfigLoader} or built in code. It is checked by
 * {@link ConfigValidator} before use.
 *
 * @param dataDir where the SQLite database lives (default {@code ./data}, relative to the config file)
 * @param irc how IRC connections run (shared threads, reconnects, puppet limits)
 * @param logging log levels, applied by the command line
 */
public record BridgeConfig(HomeserverConfig homeserver, AppServiceConfig appservice, Path dataDir,
        List<NetworkConfig> networks, IrcRuntimeConfig irc, LoggingConfig logging) {
    public static final String DEFAULT_DATA_DIR = "./data";

    public BridgeConfig {
        dataDir = dataDir == null ? Path.of(DEFAULT_DATA_DIR) : dataDir;
        networks = networks == null ? List.of() : List.copyOf(networks);
        irc = irc == null ? IrcRuntimeConfig.defaults() : irc;
        logging = logging == null ? LoggingConfig.defaults() : logging;
    }

    @JsonCreator
    static BridgeConfig fromYaml(@JsonProperty("homeserver") HomeserverConfig homeserver,
            @JsonProperty("appservice") AppServiceConfig appservice, @JsonProperty("data_dir") String dataDir,
            @JsonProperty("networks") List<NetworkConfig> networks, @JsonProperty("irc") IrcRuntimeConfig irc,
            @JsonProperty("logging") LoggingConfig logging) {
        return new BridgeConfig(homeserver, appservice, dataDir == null ? null : Path.of(dataDir), networks, irc,
                logging);
    }

    public static BridgeConfig of(HomeserverConfig homeserver, AppServiceConfig appservice, Path dataDir,
            List<NetworkConfig> networks) {
        return new BridgeConfig(homeserver, appservice, dataDir, networks, null, null);
    }

    /** The network whose {@code domain} is {@code domain}. */
    public Optional<NetworkConfig> network(String domain) {
        return networks.stream().filter(n -> n.domain().equals(domain)).findFirst();
    }

    public BridgeConfig withAppService(AppServiceConfig newAppService) {
        return new BridgeConfig(homeserver, newAppService, dataDir, networks, irc, logging);
    }

    public BridgeConfig withDataDir(Path newDataDir) {
        return new BridgeConfig(homeserver, appservice, newDataDir, networks, irc, logging);
    }

    public BridgeConfig withNetworks(List<NetworkConfig> newNetworks) {
        return new BridgeConfig(homeserver, appservice, dataDir, newNetworks, irc, logging);
    }

    public BridgeConfig withIrc(IrcRuntimeConfig newIrc) {
        return new BridgeConfig(homeserver, appservice, dataDir, networks, newIrc, logging);
    }

    public BridgeConfig withLogging(LoggingConfig newLogging) {
        return new BridgeConfig(homeserver, appservice, dataDir, networks, irc, newLogging);
    }
}
