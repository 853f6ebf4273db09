package org.matrixas.bridge.irc.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.matrixas.bridge.irc.text.IrcNames;
import org.matrixas.protocol.id.InvalidIdException;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

/**
 * Checks a {@link BridgeConfig} as a whole; the first problem throws a {@link ConfigException} naming its key.
 * {@link ConfigLoader} runs it on every file, and the bridge runs it on configs built in code.
 */
public final class ConfigValidator {

    private ConfigValidator() {
    }

    public static BridgeConfig validate(BridgeConfig config) {
        require(config.homeserver(), "homeserver");
        require(config.appservice(), "appservice");
        checkHomeserver(config.homeserver());
        checkAppService(config.appservice());
        if (config.networks().isEmpty()) {
            throw new ConfigException("networks", "must list at least one IRC network");
        }
        Set<String> domains = new HashSet<>();
        for (int i = 0; i < config.networks().size(); i++) {
            NetworkConfig n = config.networks().get(i);
            String key = "networks[" + i + "]";
            require(n, key);
            checkNetwork(n, key);
            if (!domains.add(n.domain())) {
                throw new ConfigException(key + ".domain", "repeats '" + n.domain() + "'; domains must be unique");
            }
        }
        checkIrc(config.irc());
        checkLogging(config.logging());
        return config;
    }

    private static void checkIrc(IrcRuntimeConfig irc) {
        atLeast(irc.eventLoopThreads(), 1, "irc.event_loop_threads");
        atLeast(irc.reconnectInitial().toMillis(), 1, "irc.reconnect_initial_ms");
        if (irc.reconnectMax().compareTo(irc.reconnectInitial()) < 0) {
            throw new ConfigException("irc.reconnect_max_ms", "must be at least irc.reconnect_initial_ms");
        }
        atLeast(irc.reconnectMaxConcurrent(), 1, "irc.reconnect_max_concurrent");
        atLeast(irc.puppetIdleTimeout().toSeconds(), 0, "irc.puppet_idle_timeout_seconds");
        atLeast(irc.maxPuppets(), 0, "irc.max_puppets");
    }

    private static void checkLogging(LoggingConfig logging) {
        level(logging.level(), "logging.level");
        logging.loggers().forEach((name, level) -> level(level, "logging.loggers." + name));
    }

    private static void level(String level, String key) {
        if (level == null || !LoggingConfig.LEVELS.contains(level.toLowerCase(java.util.Locale.ROOT))) {
            throw new ConfigException(key, "must be one of trace, debug, info, warn, error, off, was '" + level + "'");
        }
    }

    private static void atLeast(long value, long min, String key) {
        if (value < min) {
            throw new ConfigException(key, "must be " + min + " or more, was " + value);
        }
    }

    /**
     * {@link #validate} plus what running (rather than generating a registration) needs: an {@code hs_token}
     * unless the bridge registers through the API.
     */
    public static BridgeConfig validateForRun(BridgeConfig config) {
        validate(config);
        if (!config.appservice().registerViaApi() && config.appservice().hsToken() == null) {
            throw new ConfigException("appservice.hs_token",
                    "is required when appservice.register_via_api is false (copy it from the registration file)");
        }
        return config;
    }

    private static void checkHomeserver(HomeserverConfig hs) {
        checkHttpUrl(hs.url(), "homeserver.url", true);
        checkHttpUrl(hs.mediaUrl(), "homeserver.media_url", false);
        text(hs.domain(), "homeserver.domain");
        try {
            UserId.of("x", hs.domain());
        } catch (InvalidIdException e) {
            throw new ConfigException("homeserver.domain", "must be a server name such as example.org, was '"
                    + hs.domain() + "'");
        }
    }

    private static void checkAppService(AppServiceConfig as) {
        text(as.host(), "appservice.host");
        port(as.port(), "appservice.port", 0);
        checkHttpUrl(as.url(), "appservice.url", false);
        text(as.id(), "appservice.id");
        text(as.senderLocalpart(), "appservice.sender_localpart");
        if (!UserId.isStrictLocalpart(as.senderLocalpart())) {
            throw new ConfigException("appservice.sender_localpart", "may only contain a-z 0-9 . _ = - / +, was '"
                    + as.senderLocalpart() + "'");
        }
        text(as.asToken(), "appservice.as_token");
        if (as.hsToken() != null && as.hsToken().isBlank()) {
            throw new ConfigException("appservice.hs_token", "must not be empty when set");
        }
    }

    private static void checkNetwork(NetworkConfig n, String key) {
        text(n.domain(), key + ".domain");
        if (!n.domain().matches("[a-z0-9.-]+")) {
            throw new ConfigException(key + ".domain", "may only contain a-z 0-9 . -, was '" + n.domain() + "'");
        }
        text(n.host(), key + ".host");
        port(n.port(), key + ".port", 1);
        if (n.tlsCaFile() != null) {
            TrustedCertificates.check(n, key + ".tls_ca_file");
        }
        if (!IrcNames.isNick(n.botNick())) {
            throw new ConfigException(key + ".bot_nick", "must be an IRC nick, was '" + n.botNick() + "'");
        }
        List<String> channels = n.channels();
        for (int i = 0; i < channels.size(); i++) {
            if (!IrcNames.isChannel(channels.get(i))) {
                throw new ConfigException(key + ".channels[" + i + "]", "must be an IRC channel such as #matrix, was '"
                        + channels.get(i) + "'");
            }
        }
        template(n.aliasTemplate(), key + ".alias_template", '#', "$CHANNEL");
        template(n.userTemplate(), key + ".user_template", '@', "$NICK");
        String literal = n.userTemplate().substring(1).replace("$NICK", "");
        if (!literal.isEmpty() && !UserId.isStrictLocalpart(literal)) {
            throw new ConfigException(key + ".user_template",
                    "outside $NICK may only contain a-z 0-9 . _ = - / +, was '" + n.userTemplate() + "'");
        }
        text(n.nickTemplate(), key + ".nick_template");
        if (n.scrollback().maxMessages() < 0) {
            throw new ConfigException(key + ".scrollback.max_messages", "must be 0 or more, was "
                    + n.scrollback().maxMessages());
        }
        if (n.scrollback().maxAge().isNegative()) {
            throw new ConfigException(key + ".scrollback.max_age_seconds", "must be 0 or more");
        }
        atLeast(n.flood().burst(), 1, key + ".flood.burst");
        atLeast(n.flood().intervalMs(), 0, key + ".flood.interval_ms");
        atLeast(n.maxLines(), 1, key + ".max_lines");
        checkMappings(n.mappings(), key + ".mappings");
        atLeast(n.membership().netsplitHold().toSeconds(), 0, key + ".membership.netsplit_hold_seconds");
        n.modePowerLevels().forEach((mode, level) -> {
            if (mode.length() != 1 || !Character.isLetter(mode.charAt(0))) {
                throw new ConfigException(key + ".mode_power_levels." + mode, "must be a single mode letter such as o");
            }
            if (level == null || level < 0 || level > 100) {
                throw new ConfigException(key + ".mode_power_levels." + mode, "must be a power level 0..100, was "
                        + level);
            }
        });
        try {
            n.fallbackCharset();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ".encoding_fallback", "must be a charset this Java knows, such as "
                    + "windows-1252 or iso-8859-15, was '" + n.encodingFallback() + "'");
        }
    }

    private static void checkMappings(List<ChannelMapping> mappings, String key) {
        for (int i = 0; i < mappings.size(); i++) {
            ChannelMapping m = mappings.get(i);
            String at = key + "[" + i + "]";
            require(m, at);
            if (m.channel() == null || !IrcNames.isChannel(m.channel())) {
                throw new ConfigException(at + ".channel", "must be an IRC channel such as #matrix, was '"
                        + m.channel() + "'");
            }
            if (m.rooms().isEmpty()) {
                throw new ConfigException(at + ".rooms", "must list at least one room ID");
            }
            for (int r = 0; r < m.rooms().size(); r++) {
                try {
                    RoomId.parse(m.rooms().get(r));
                } catch (InvalidIdException | NullPointerException e) {
                    throw new ConfigException(at + ".rooms[" + r + "]", "must be a room ID such as !abc:example.org, "
                            + "was '" + m.rooms().get(r) + "'");
                }
            }
            if (m.key() != null && (m.key().isBlank() || m.key().chars().anyMatch(c -> c <= ' ' || c == ','))) {
                throw new ConfigException(at + ".key", "must be a channel key without spaces or commas");
            }
        }
    }

    private static void template(String t, String key, char sigil, String variable) {
        text(t, key);
        if (t.charAt(0) != sigil) {
            throw new ConfigException(key, "must start with '" + sigil + "', was '" + t + "'");
        }
        int first = t.indexOf(variable);
        if (first < 0 || t.indexOf(variable, first + 1) >= 0) {
            throw new ConfigException(key, "must contain " + variable + " exactly once, was '" + t + "'");
        }
        if (t.indexOf(':') >= 0) {
            throw new ConfigException(key, "is a localpart and may not contain ':', was '" + t + "'");
        }
    }

    private static void checkHttpUrl(String url, String key, boolean required) {
        if (url == null && !required) {
            return;
        }
        text(url, key);
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new ConfigException(key, "must start with http:// or https://, was '" + url + "'");
        }
    }

    private static void port(int port, String key, int min) {
        if (port < min || port > 65535) {
            throw new ConfigException(key, "must be a port " + min + "..65535, was " + port);
        }
    }

    private static void text(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key, "is required and must not be empty");
        }
    }

    private static void require(Object value, String key) {
        if (value == null) {
            throw new ConfigException(key, "is required");
        }
    }
}
