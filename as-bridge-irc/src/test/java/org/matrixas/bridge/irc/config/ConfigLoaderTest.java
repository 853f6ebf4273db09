package org.matrixas.bridge.irc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    static final String MINIMAL = """
            homeserver: { url: http://127.0.0.1:8008, domain: hsdomain.com }
            appservice: { as_token: T_a, hs_token: T_h }
            networks:
              - { domain: irc.example.org, host: irc.example.org }
            """;

    static final String SEED = """
            homeserver: { url: http://127.0.0.1:8008, domain: hsdomain.com, media_url: "https://matrix.example.org" }
            appservice:
              host: 0.0.0.0
              port: 9100
              url: http://bridge.internal:9100
              id: my-irc
              sender_localpart: ircbot
              as_token: T_a
              hs_token: T_h
              register_via_api: true
            data_dir: ./state
            networks:
              - domain: irc.freenode.net
                host: 127.0.0.1
                port: 7000
                tls: true
                bot_nick: MatrixBridge2
                channels: ["#matrix", "#other"]
                alias_template: "#freenode_$CHANNEL"
                user_template: "@freenode_$NICK"
                nick_template: "M-$DISPLAY"
                scrollback: { max_messages: 10, max_age_seconds: 60 }
            """;

    @TempDir
    Path dir;

    @Test
    void load_minimalFile_appliesEveryDefault() throws IOException {
        BridgeConfig c = ConfigLoader.load(write(MINIMAL));
        assertEquals("http://127.0.0.1:8008", c.homeserver().mediaBase(), "media links default to homeserver.url");
        AppServiceConfig as = c.appservice();
        assertEquals("127.0.0.1", as.host());
        assertEquals(9000, as.port());
        assertNull(as.url());
        assertEquals("http://127.0.0.1:9000", as.effectiveUrl(as.port()));
        assertEquals("irc-bridge", as.id());
        assertEquals("irc-bridge", as.senderLocalpart());
        assertFalse(as.registerViaApi());
        assertEquals(dir.resolve("data"), c.dataDir());
        NetworkConfig n = c.networks().get(0);
        assertEquals(6667, n.port());
        assertFalse(n.tls());
        assertEquals("MatrixBridge", n.botNick());
        assertEquals(List.of(), n.channels());
        assertEquals("#irc.example.org/$CHANNEL", n.aliasTemplate());
        assertEquals("@irc.example.org/$NICK", n.userTemplate());
        assertEquals("$LOCALPART[m]", n.nickTemplate());
        assertEquals(100, n.scrollback().maxMessages());
        assertEquals(Duration.ofDays(1), n.scrollback().maxAge());
    }

    @Test
    void load_everyKeySet_readsEveryKey() throws IOException {
        BridgeConfig c = ConfigLoader.load(write(SEED));
        assertEquals("http://127.0.0.1:8008", c.homeserver().url());
        assertEquals("hsdomain.com", c.homeserver().domain());
        assertEquals("https://matrix.example.org", c.homeserver().mediaBase());
        AppServiceConfig as = c.appservice();
        assertEquals("0.0.0.0", as.host());
        assertEquals(9100, as.port());
        assertEquals("http://bridge.internal:9100", as.effectiveUrl(1234));
        assertEquals("my-irc", as.id());
        assertEquals("ircbot", as.senderLocalpart());
        assertEquals("T_a", as.asToken());
        assertEquals("T_h", as.hsToken());
        assertTrue(as.registerViaApi());
        assertEquals(dir.resolve("state"), c.dataDir());
        NetworkConfig n = c.networks().get(0);
        assertEquals("irc.freenode.net", n.domain());
        assertEquals("127.0.0.1", n.host());
        assertEquals(7000, n.port());
        assertTrue(n.tls());
        assertEquals("MatrixBridge2", n.botNick());
        assertEquals(List.of("#matrix", "#other"), n.channels());
        assertEquals("#freenode_$CHANNEL", n.aliasTemplate());
        assertEquals("@freenode_$NICK", n.userTemplate());
        assertEquals("M-$DISPLAY", n.nickTemplate());
        assertEquals(10, n.scrollback().maxMessages());
        assertEquals(Duration.ofSeconds(60), n.scrollback().maxAge());
    }

    @Test
    void load_briefSeedExample_isExpressible() throws IOException {
        BridgeConfig c = ConfigLoader.load(write("""
                homeserver: { url: http://127.0.0.1:8008, domain: hsdomain.com }
                appservice:
                  host: 127.0.0.1
                  port: 9000
                  url: http://127.0.0.1:9000
                  id: irc-bridge
                  sender_localpart: irc-bridge
                  as_token: T_a
                  register_via_api: true
                data_dir: ./data
                networks:
                  - domain: irc.freenode.net
                    host: 127.0.0.1
                    port: 6667
                    tls: false
                    bot_nick: MatrixBridge
                    channels: ["#matrix"]
                    alias_template: "#irc.freenode.net/$CHANNEL"
                    user_template: "@irc.freenode.net/$NICK"
                    nick_template: "$LOCALPART[m]"
                    scrollback: { max_messages: 100, max_age_seconds: 86400 }
                """));
        ConfigValidator.validateForRun(c);
        assertTrue(c.appservice().hsTokenOpt().isEmpty());
    }

    @Test
    void load_tlsWithoutPort_defaultsTo6697() throws IOException {
        BridgeConfig c = ConfigLoader.load(write(MINIMAL.replace("host: irc.example.org }",
                "host: irc.example.org, tls: true }")));
        assertEquals(6697, c.networks().get(0).port());
    }

    @Test
    void load_absoluteDataDir_isKept() throws IOException {
        Path abs = dir.resolve("elsewhere").toAbsolutePath();
        BridgeConfig c = ConfigLoader.load(write(MINIMAL + "data_dir: " + abs + "\n"));
        assertEquals(abs, c.dataDir());
    }

    @Test
    void load_unknownKey_failsNamingFileAndKey() throws IOException {
        Path f = write(MINIMAL.replace("as_token: T_a", "as_token: T_a, as_tokn: x"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f));
        assertEquals("appservice.as_tokn", e.key().orElseThrow());
        assertTrue(e.getMessage().startsWith(f.toString() + ": 'appservice.as_tokn' is not a known key"),
                e.getMessage());
        assertTrue(e.getMessage().contains("as_token"), e.getMessage());
    }

    @Test
    void load_misspeltKey_suggestsNearestKeyOfThatSection() throws IOException {
        Path f = write(MINIMAL.replace("host: irc.example.org }", "host: irc.example.org, prot: 7000 }"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f));
        assertEquals("networks[0].prot", e.key().orElseThrow());
        assertTrue(e.getMessage().startsWith(f + ": 'networks[0].prot' is not a known key (did you mean 'port'?)"),
                e.getMessage());
    }

    @Test
    void load_unknownKeyFarFromAnyKnown_hasNoSuggestion() throws IOException {
        Path f = write(MINIMAL + "colourscheme: dark\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f));
        assertEquals("colourscheme", e.key().orElseThrow());
        assertFalse(e.getMessage().contains("did you mean"), e.getMessage());
        assertTrue(e.getMessage().contains("known keys here: appservice, data_dir, homeserver, irc, logging, networks"),
                e.getMessage());
    }

    @Test
    void load_misspeltTopLevelAndIrcKeys_suggest() throws IOException {
        assertTrue(message(MINIMAL + "loging: { level: info }\n").contains("did you mean 'logging'?"));
        assertTrue(message(MINIMAL + "irc: { max_pupets: 3 }\n").contains("did you mean 'max_puppets'?"));
        assertTrue(message(MINIMAL + "logging: { levle: info }\n").contains("did you mean 'level'?"));
    }

    @Test
    void load_loggingAndMaxLines_areRead() throws IOException {
        BridgeConfig c = ConfigLoader.load(write(MINIMAL.replace("host: irc.example.org }",
                "host: irc.example.org, max_lines: 5 }")
                + "logging:\n  level: debug\n  loggers: { org.kitteh.irc: warn, org.matrixas.bridge.irc.irc: trace }\n"));
        assertEquals("debug", c.logging().level());
        assertEquals("warn", c.logging().loggers().get("org.kitteh.irc"));
        assertEquals("trace", c.logging().loggers().get("org.matrixas.bridge.irc.irc"));
        assertEquals(5, c.networks().get(0).maxLines());
    }

    @Test
    void load_loggingAndMaxLinesAbsent_defaults() throws IOException {
        BridgeConfig c = ConfigLoader.load(write(MINIMAL));
        assertEquals("info", c.logging().level());
        assertEquals(java.util.Map.of(), c.logging().loggers());
        assertEquals(3, c.networks().get(0).maxLines());
    }

    @Test
    void load_badLogLevelOrMaxLines_namesKeyAndChoices() throws IOException {
        assertKey("logging.level", MINIMAL + "logging: { level: loud }\n");
        assertKey("logging.loggers.org.kitteh", MINIMAL + "logging: { loggers: { org.kitteh: chatty } }\n");
        assertTrue(message(MINIMAL + "logging: { level: loud }\n")
                .contains("must be one of trace, debug, info, warn, error, off, was 'loud'"));
        assertKey("networks[0].max_lines", MINIMAL.replace("host: irc.example.org }",
                "host: irc.example.org, max_lines: 0 }"));
    }

    @Test
    void check_noHsTokenWithoutApiRegistration_namesFileAndKey() throws IOException {
        Path f = write(MINIMAL.replace(", hs_token: T_h", ""));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.check(f));
        assertEquals("appservice.hs_token", e.key().orElseThrow());
        assertTrue(e.getMessage().startsWith(f + ": 'appservice.hs_token' is required"), e.getMessage());
    }

    @Test
    void load_unknownNetworkKey_namesIndex() throws IOException {
        Path f = write(MINIMAL.replace("host: irc.example.org }", "host: irc.example.org, nick: x }"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f));
        assertEquals("networks[0].nick", e.key().orElseThrow());
    }

    @Test
    void load_wrongType_saysWhatWasExpected() throws IOException {
        Path f = write(MINIMAL.replace("as_token: T_a", "as_token: T_a, port: lots"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f));
        assertEquals("appservice.port", e.key().orElseThrow());
        assertTrue(e.getMessage().contains("expected a whole number"), e.getMessage());
    }

    @Test
    void load_missingRequired_namesKey() throws IOException {
        assertKey("homeserver.domain", MINIMAL.replace(", domain: hsdomain.com", ""));
        assertKey("appservice.as_token", MINIMAL.replace("as_token: T_a, ", ""));
        assertKey("networks[0].host", MINIMAL.replace(", host: irc.example.org", ""));
        assertKey("networks", MINIMAL.substring(0, MINIMAL.indexOf("networks:")));
        assertKey("homeserver", MINIMAL.substring(MINIMAL.indexOf("appservice:")));
    }

    @Test
    void load_invalidValues_nameKey() throws IOException {
        assertKey("homeserver.url", MINIMAL.replace("http://127.0.0.1:8008", "127.0.0.1:8008"));
        assertKey("homeserver.media_url", MINIMAL.replace("domain: hsdomain.com", "domain: hsdomain.com, media_url: "
                + "ftp://files.example.org"));
        assertKey("appservice.port", MINIMAL.replace("as_token: T_a", "as_token: T_a, port: 70000"));
        assertKey("appservice.sender_localpart", MINIMAL.replace("as_token: T_a", "as_token: T_a, sender_localpart: Bot"));
        assertKey("networks[0].channels[1]", MINIMAL.replace("host: irc.example.org }",
                "host: irc.example.org, channels: ['#ok', 'nohash'] }"));
        assertKey("networks[0].bot_nick", MINIMAL.replace("host: irc.example.org }",
                "host: irc.example.org, bot_nick: '9bot' }"));
        assertKey("networks[0].user_template", MINIMAL.replace("host: irc.example.org }",
                "host: irc.example.org, user_template: '@IRC_$NICK' }"));
        assertKey("networks[0].alias_template", MINIMAL.replace("host: irc.example.org }",
                "host: irc.example.org, alias_template: '#irc' }"));
        assertKey("networks[0].scrollback.max_messages", MINIMAL.replace("host: irc.example.org }",
                "host: irc.example.org, scrollback: { max_messages: -1 } }"));
        assertKey("networks[1].domain", MINIMAL + "  - { domain: irc.example.org, host: other }\n");
    }

    @Test
    void load_notYaml_failsNamingFile() throws IOException {
        Path f = write("homeserver: { url: x\n  - oops: ]\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f));
        assertTrue(e.getMessage().startsWith(f + ": is not valid YAML"), e.getMessage());
    }

    @Test
    void load_emptyFile_fails() throws IOException {
        Path f = write("");
        assertThrows(ConfigException.class, () -> ConfigLoader.load(f));
    }

    @Test
    void validateForRun_noHsTokenWithoutApiRegistration_failsNamingKey() throws IOException {
        BridgeConfig c = ConfigLoader.load(write(MINIMAL.replace(", hs_token: T_h", "")));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigValidator.validateForRun(c));
        assertEquals("appservice.hs_token", e.key().orElseThrow());
    }

    @Test
    void toString_neverShowsTokens() throws IOException {
        String s = ConfigLoader.load(write(MINIMAL)).toString();
        assertFalse(s.contains("T_a") || s.contains("T_h"), s);
    }

    private String message(String yaml) throws IOException {
        Path f = write(yaml);
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(f)).getMessage();
    }

    private void assertKey(String key, String yaml) throws IOException {
        Path f = write(yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f), key);
        assertEquals(key, e.key().orElse(""), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("config.yaml");
        Files.writeString(f, yaml);
        return f;
    }
}
