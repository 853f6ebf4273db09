package org.matrixas.homeserver.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private HomeserverConfig load(String yaml) throws Exception {
        Path file = dir.resolve("hs.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file);
    }

    private String error(String yaml) {
        return assertThrows(ConfigException.class, () -> load(yaml)).getMessage();
    }

    @Test
    void load_minimal_defaults() throws Exception {
        HomeserverConfig c = load("server_name: example.org\ndata_dir: data\n");
        assertEquals("example.org", c.serverName());
        assertEquals(dir.resolve("data").toAbsolutePath(), c.dataDir());
        assertEquals(ListenConfig.DEFAULT, c.listen());
        assertFalse(c.enableRegistration());
        assertEquals(List.of(), c.appServiceConfigFiles());
        assertEquals(List.of(), c.registrationApi().asTokens());
        assertEquals(1 << 20, c.maxBodyBytes());
        assertEquals(64, c.workerThreads());
        assertEquals(AppServiceConfig.DEFAULT, c.appservice());
        assertEquals(100, c.appservice().txnMaxEvents());
        assertEquals(Duration.ofSeconds(2), c.appservice().backoffMin());
        assertEquals(Duration.ofSeconds(512), c.appservice().backoffMax());
        assertTrue(c.metrics().enabled());
        assertEquals(10 * 1024 * 1024, c.media().maxUploadBytes());
        assertTrue(c.logging().isEmpty());
        assertEquals(Duration.ZERO, c.accessTokenLifetime(), "tokens do not expire by default");
    }

    @Test
    void load_everyKey_read() throws Exception {
        HomeserverConfig c = load("""
                server_name: hs.test:8448
                listen: {host: 0.0.0.0, port: 0}
                data_dir: /var/lib/hs
                enable_registration: true
                app_service_config_files: [irc.yaml, /etc/as/other.yaml]
                registration_api: {as_tokens: [t1, t2]}
                max_body_bytes: 2048
                worker_threads: 8
                appservice:
                  query_timeout_ms: 1500
                  query_attempts: 5
                  txn_max_events: 10
                  txn_max_bytes: 4096
                  backoff_min_ms: 100
                  backoff_max_ms: 1000
                metrics: {enabled: false}
                media: {max_upload_bytes: 2048}
                logging:
                  level: WARN
                  loggers: {org.matrixas.homeserver.txn: debug, io.undertow: error}
                access_token_lifetime_ms: 3600000
                """);
        assertEquals("hs.test:8448", c.serverName());
        assertEquals(new ListenConfig("0.0.0.0", 0), c.listen());
        assertEquals(Path.of("/var/lib/hs"), c.dataDir());
        assertTrue(c.enableRegistration());
        assertEquals(List.of(dir.resolve("irc.yaml").toAbsolutePath(), Path.of("/etc/as/other.yaml")),
                c.appServiceConfigFiles());
        assertEquals(List.of("t1", "t2"), c.registrationApi().asTokens());
        assertEquals(2048, c.maxBodyBytes());
        assertEquals(8, c.workerThreads());
        assertEquals(new AppServiceConfig(Duration.ofMillis(1500), 5, 10, 4096, Duration.ofMillis(100),
                Duration.ofMillis(1000)), c.appservice());
        assertEquals(new MetricsConfig(false), c.metrics());
        assertEquals(new MediaConfig(2048), c.media());
        assertEquals(new LoggingConfig(java.util.Optional.of("warn"),
                java.util.Map.of("org.matrixas.homeserver.txn", "debug", "io.undertow", "error")), c.logging());
        assertEquals(Duration.ofHours(1), c.accessTokenLifetime());
    }

    @Test
    void load_badTokenLifetime_namesKey() {
        String m = error("server_name: a\ndata_dir: d\naccess_token_lifetime_ms: -1\n");
        assertTrue(m.contains("hs.yaml") && m.contains("'access_token_lifetime_ms' must be between 0"), m);
        String typo = error("server_name: a\ndata_dir: d\naccess_token_lifetime: 5\n");
        assertTrue(typo.endsWith("did you mean 'access_token_lifetime_ms'?"), typo);
    }

    @Test
    void load_unknownKeyNearAKnownOne_suggestsIt() {
        String top = error("server_name: a\ndata_dir: d\nenable_registraton: true\n");
        assertEquals("unknown key 'enable_registraton' in " + dir.resolve("hs.yaml")
                + "; did you mean 'enable_registration'?", top);
        String nested = error("server_name: a\ndata_dir: d\nlisten: {hots: x}\n");
        assertTrue(nested.endsWith("unknown key 'listen.hots' in " + dir.resolve("hs.yaml")
                + "; did you mean 'listen.host'?"), nested);
        String deep = error("server_name: a\ndata_dir: d\nappservice: {backof_min_ms: 5}\n");
        assertTrue(deep.contains("did you mean 'appservice.backoff_min_ms'?"), deep);
    }

    @Test
    void load_unknownKeyLikeNothing_listsKnownKeys() {
        String m = error("server_name: a\ndata_dir: d\nmetrics: {port: 9000}\n");
        assertEquals("unknown key 'metrics.port' in " + dir.resolve("hs.yaml") + "; expected one of: enabled", m);
    }

    @Test
    void load_badLogLevel_namesKeyAndSuggests() {
        String m = error("server_name: a\ndata_dir: d\nlogging: {loggers: {org.x: debg}}\n");
        assertTrue(m.contains("hs.yaml") && m.contains("'logging.loggers.org.x' is not a log level: 'debg'")
                && m.endsWith("did you mean 'debug'?"), m);
        String root = error("server_name: a\ndata_dir: d\nlogging: {level: loud}\n");
        assertTrue(root.contains("'logging.level'") && root.contains("expected one of: debug, error, info, off, "
                + "trace, warn"), root);
        String shape = error("server_name: a\ndata_dir: d\nlogging: {loggers: [a]}\n");
        assertTrue(shape.contains("'logging.loggers' expected a mapping"), shape);
    }

    @Test
    void load_badMediaLimit_namesKey() {
        String m = error("server_name: a\ndata_dir: d\nmedia: {max_upload_bytes: 0}\n");
        assertTrue(m.contains("hs.yaml") && m.contains("'media.max_upload_bytes' must be between 1"), m);
    }

    @Test
    void load_wrongTypeOrRange_namesKeyAndExpectation() {
        String port = error("server_name: a\ndata_dir: d\nlisten: {port: 70000}\n");
        assertTrue(port.contains("'listen.port'") && port.contains("between 0 and 65535"), port);
        String bool = error("server_name: a\ndata_dir: d\nenable_registration: maybe\n");
        assertTrue(bool.contains("'enable_registration'") && bool.contains("true or false"), bool);
        String list = error("server_name: a\ndata_dir: d\nregistration_api: {as_tokens: nope}\n");
        assertTrue(list.contains("'registration_api.as_tokens'") && list.contains("list"), list);
        String backoff = error("server_name: a\ndata_dir: d\nappservice: {backoff_min_ms: 10, backoff_max_ms: 5}\n");
        assertTrue(backoff.contains("'appservice.backoff_max_ms'"), backoff);
    }

    @Test
    void load_missingOrInvalidRequired_named() {
        assertTrue(error("data_dir: d\n").contains("'server_name' is required"));
        assertTrue(error("server_name: a\n").contains("'data_dir' is required"));
        String bad = error("server_name: 'not a host!'\ndata_dir: d\n");
        assertTrue(bad.contains("hs.yaml") && bad.contains("'server_name'"), bad);
        assertTrue(error("").contains("empty"));
        assertTrue(error("server_name: [unclosed\n").contains("not valid YAML"));
    }

    @Test
    void load_missingFile_namesFile() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("none.yaml")));
        assertTrue(e.getMessage().contains("none.yaml"));
    }

    @Test
    void builder_inCode_validatesAsItBuilds() {
        HomeserverConfig c = HomeserverConfig.builder().serverName("localhost").dataDir(dir).listen("127.0.0.1", 0)
                .build();
        assertEquals(0, c.listen().port());
        assertThrows(ConfigException.class, () -> HomeserverConfig.builder().serverName("bad name"));
        assertThrows(ConfigException.class, () -> HomeserverConfig.builder().dataDir(dir).build());
        assertTrue(new RegistrationApiConfig(List.of("secret")).toString().indexOf("secret") < 0);
    }
}
