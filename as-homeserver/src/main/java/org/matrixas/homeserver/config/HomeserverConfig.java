package org.matrixas.homeserver.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the homeserver needs to start, read from a YAML file by {@link ConfigLoader} or built in code with
 * {@link #builder()}. Paths are absolute: the loader resolves relative ones against the config file's folder.
 *
 * @param serverName            {@code server_name}: the domain of every local ID (required)
 * @param listen                {@code listen: {host, port}}
 * @param dataDir               {@code data_dir}: where the SQLite database lives (required)
 * @param enableRegistration    {@code enable_registration}: open {@code POST /register} to humans (default false)
 * @param appServiceConfigFiles {@code app_service_config_files}: registration files loaded at start
 * @param registrationApi       {@code registration_api}: who may use the draft registration API
 * @param maxBodyBytes          {@code max_body_bytes}: largest accepted request body (default 1 MiB)
 * @param workerThreads         {@code worker_threads}: HTTP handler threads; blocking queries hold one each (default 64)
 * @param appservice            {@code appservice}: query and push-pipeline settings
 * @param metrics               {@code metrics}: the Prometheus endpoint
 * @param media                 {@code media}: the media repository's limits
 * @param logging               {@code logging}: log levels applied at start
 * @param accessTokenLifetime   {@code access_token_lifetime_ms}: how long a user's access token works after login
 *                              or registration; {@link Duration#ZERO} (the default) for ever. An expired token gets
 *                              401 {@code M_UNKNOWN_TOKEN} with {@code soft_logout: true}
 */
public record HomeserverConfig(
        String serverName,
        ListenConfig listen,
        Path dataDir,
        boolean enableRegistration,
        List<Path> appServiceConfigFiles,
        RegistrationApiConfig registrationApi,
        int maxBodyBytes,
        int workerThreads,
        AppServiceConfig appservice,
        MetricsConfig metrics,
        MediaConfig media,
        LoggingConfig logging,
        Duration accessTokenLifetime) {

    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    public static final int DEFAULT_WORKER_THREADS = 64;

    public HomeserverConfig {
        Objects.requireNonNull(serverName, "serverName is null");
        Objects.requireNonNull(listen, "listen is null");
        Objects.requireNonNull(dataDir, "dataDir is null");
        Objects.requireNonNull(registrationApi, "registrationApi is null");
        Objects.requireNonNull(appservice, "appservice is null");
        Objects.requireNonNull(metrics, "metrics is null");
        Objects.requireNonNull(media, "media is null");
        Objects.requireNonNull(logging, "logging is null");
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime is null");
        if (accessTokenLifetime.isNegative()) {
            throw new ConfigException("'access_token_lifetime_ms' must be 0 (off) or positive, was "
                    + accessTokenLifetime.toMillis());
        }
        ServerNames.check(serverName);
        appServiceConfigFiles = List.copyOf(appServiceConfigFiles);
        if (maxBodyBytes < 1024) {
            throw new ConfigException("'max_body_bytes' must be at least 1024, was " + maxBodyBytes);
        }
        if (workerThreads < 4) {
            throw new ConfigException("'worker_threads' must be at least 4, was " + workerThreads);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every setting of this config, to change a few (e.g. the port after a restart). */
    public Builder toBuilder() {
        Builder b = new Builder().serverName(serverName).dataDir(dataDir).listen(listen.host(), listen.port())
                .enableRegistration(enableRegistration).registrationApiTokens(registrationApi.asTokens())
                .maxBodyBytes(maxBodyBytes).workerThreads(workerThreads).appservice(appservice).metrics(metrics)
                .media(media).logging(logging).accessTokenLifetime(accessTokenLifetime);
        appServiceConfigFiles.forEach(b::addAppServiceConfigFile);
        return b;
    }

    /** Builds a config in code (tests, embedding); each setting is checked by the record when built. */
    public static final class Builder {
        private String serverName;
        private ListenConfig listen = ListenConfig.DEFAULT;
        private Path dataDir;
        private boolean enableRegistration;
        private final List<Path> files = new ArrayList<>();
        private RegistrationApiConfig registrationApi = RegistrationApiConfig.DEFAULT;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int workerThreads = DEFAULT_WORKER_THREADS;
        private AppServiceConfig appservice = AppServiceConfig.DEFAULT;
        private MetricsConfig metrics = MetricsConfig.DEFAULT;
        private MediaConfig media = MediaConfig.DEFAULT;
        private LoggingConfig logging = LoggingConfig.DEFAULT;
        private Duration accessTokenLifetime = Duration.ZERO;

        private Builder() {
        }

        public Builder serverName(String v) {
            ServerNames.check(Objects.requireNonNull(v, "serverName is null"));
            serverName = v;
            return this;
        }

        public Builder listen(String host, int port) {
            listen = new ListenConfig(host, port);
            return this;
        }

        public Builder dataDir(Path v) {
            dataDir = Objects.requireNonNull(v, "dataDir is null").toAbsolutePath();
            return this;
        }

        public Builder enableRegistration(boolean v) {
            enableRegistration = v;
            return this;
        }

        public Builder addAppServiceConfigFile(Path v) {
            files.add(Objects.requireNonNull(v, "file is null").toAbsolutePath());
            return this;
        }

        public Builder registrationApiTokens(List<String> asTokens) {
            registrationApi = new RegistrationApiConfig(asTokens);
            return this;
        }

        public Builder maxBodyBytes(int v) {
            maxBodyBytes = v;
            return this;
        }

        public Builder workerThreads(int v) {
            workerThreads = v;
            return this;
        }

        public Builder appservice(AppServiceConfig v) {
            appservice = Objects.requireNonNull(v, "appservice is null");
            return this;
        }

        public Builder metrics(MetricsConfig v) {
            metrics = Objects.requireNonNull(v, "metrics is null");
            return this;
        }

        public Builder media(MediaConfig v) {
            media = Objects.requireNonNull(v, "media is null");
            return this;
        }

        public Builder logging(LoggingConfig v) {
            logging = Objects.requireNonNull(v, "logging is null");
            return this;
        }

        /** How long a user's access token works; {@link Duration#ZERO} for ever (the default). */
        public Builder accessTokenLifetime(Duration v) {
            accessTokenLifetime = Objects.requireNonNull(v, "accessTokenLifetime is null");
            return this;
        }

        public HomeserverConfig build() {
            if (serverName == null) {
                throw new ConfigException("'server_name' is required");
            }
            if (dataDir == null) {
                throw new ConfigException("'data_dir' is required");
            }
            return new HomeserverConfig(serverName, listen, dataDir, enableRegistration, files, registrationApi,
                    maxBodyBytes, workerThreads, appservice, metrics, media, logging, accessTokenLifetime);
        }
    }
}
