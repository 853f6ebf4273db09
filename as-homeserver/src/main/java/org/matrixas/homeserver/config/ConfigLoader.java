package org.matrixas.homeserver.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the homeserver's YAML config file into a validated {@link HomeserverConfig}. Unknown keys, wrong types
 * and out-of-range values are refused with a {@link ConfigException} naming the file and the key. Relative paths
 * ({@code data_dir}, registration files) resolve against the folder of the config file.
 */
public final class ConfigLoader {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> TOP = Set.of("server_name", "listen", "data_dir", "enable_registration",
            "app_service_config_files", "registration_api", "max_body_bytes", "worker_threads", "appservice", "metrics",
            "media", "logging", "access_token_lifetime_ms");
    private static final Set<String> LISTEN = Set.of("host", "port");
    private static final Set<String> REGISTRATION_API = Set.of("as_tokens");
    private static final Set<String> APPSERVICE = Set.of("query_timeout_ms", "query_attempts", "txn_max_events",
            "txn_max_bytes", "backoff_min_ms", "backoff_max_ms");
    private static final Set<String> METRICS = Set.of("enabled");
    private static final Set<String> MEDIA = Set.of("max_upload_bytes");
    private static final Set<String> LOGGING = Set.of("level", "loggers");

    private ConfigLoader() {
    }

    /** Loads and validates a config file. */
    public static HomeserverConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return parse(text, file.toString(), file.toAbsolutePath().getParent());
    }

    /** Parses config text; {@code name} labels errors and relative paths resolve against {@code baseDir}. */
    public static HomeserverConfig parse(String text, String name, Path baseDir) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(name + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ConfigException(name + ": is empty; 'server_name' and 'data_dir' are required");
        }
        ConfigNode top = ConfigNode.of(name, "", root, TOP);
        try {
            return read(top, baseDir);
        } catch (ConfigException e) {
            if (e.getMessage().contains(name)) {
                throw e;
            }
            throw new ConfigException(name + ": " + e.getMessage(), e);
        }
    }

    private static HomeserverConfig read(ConfigNode top, Path baseDir) {
        String serverName = top.requiredString("server_name");
        Path dataDir = baseDir.resolve(top.requiredString("data_dir")).normalize();
        List<Path> files = new ArrayList<>();
        for (String f : top.stringList("app_service_config_files")) {
            files.add(baseDir.resolve(f).normalize());
        }
        return new HomeserverConfig(serverName, listen(top), dataDir, top.bool("enable_registration", false), files,
                new RegistrationApiConfig(top.child("registration_api", REGISTRATION_API)
                        .map(n -> n.stringList("as_tokens")).orElse(List.of())),
                (int) top.integer("max_body_bytes", HomeserverConfig.DEFAULT_MAX_BODY_BYTES, 1024, Integer.MAX_VALUE),
                (int) top.integer("worker_threads", HomeserverConfig.DEFAULT_WORKER_THREADS, 4, 10_000),
                top.child("appservice", APPSERVICE).map(ConfigLoader::appservice).orElse(AppServiceConfig.DEFAULT),
                top.child("metrics", METRICS).map(n -> new MetricsConfig(n.bool("enabled", true)))
                        .orElse(MetricsConfig.DEFAULT),
                top.child("media", MEDIA).map(n -> new MediaConfig((int) n.integer("max_upload_bytes",
                        MediaConfig.DEFAULT_MAX_UPLOAD_BYTES, 1, Integer.MAX_VALUE - 1))).orElse(MediaConfig.DEFAULT),
                top.child("logging", LOGGING).map(ConfigLoader::logging).orElse(LoggingConfig.DEFAULT),
                Duration.ofMillis(top.integer("access_token_lifetime_ms", 0, 0, Long.MAX_VALUE / 2)));
    }

    private static LoggingConfig logging(ConfigNode n) {
        java.util.Optional<String> level = n.optionalString("level").map(l -> n.level("level", l));
        java.util.Map<String, String> loggers = new java.util.TreeMap<>();
        n.stringMap("loggers").forEach((name, l) -> loggers.put(name, n.level("loggers." + name, l)));
        return new LoggingConfig(level, loggers);
    }

    private static ListenConfig listen(ConfigNode top) {
        return top.child("listen", LISTEN)
                .map(n -> new ListenConfig(n.optionalString("host").orElse(ListenConfig.DEFAULT.host()),
                        (int) n.integer("port", ListenConfig.DEFAULT.port(), 0, 65535)))
                .orElse(ListenConfig.DEFAULT);
    }

    private static AppServiceConfig appservice(ConfigNode n) {
        AppServiceConfig d = AppServiceConfig.DEFAULT;
        long max = Integer.MAX_VALUE;
        long backoffMin = n.integer("backoff_min_ms", d.backoffMin().toMillis(), 1, max);
        long backoffMax = n.integer("backoff_max_ms", d.backoffMax().toMillis(), 1, max);
        if (backoffMax < backoffMin) {
            throw n.error(n.full("backoff_max_ms"), "must be at least backoff_min_ms (" + backoffMin + "), was "
                    + backoffMax);
        }
        return new AppServiceConfig(
                Duration.ofMillis(n.integer("query_timeout_ms", d.queryTimeout().toMillis(), 1, max)),
                (int) n.integer("query_attempts", d.queryAttempts(), 1, 100),
                (int) n.integer("txn_max_events", d.txnMaxEvents(), 1, 10_000),
                (int) n.integer("txn_max_bytes", d.txnMaxBytes(), 1024, max),
                Duration.ofMillis(backoffMin), Duration.ofMillis(backoffMax));
    }
}
