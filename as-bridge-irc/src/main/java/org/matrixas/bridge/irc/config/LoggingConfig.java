package org.matrixas.bridge.irc.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Set;

/**
 * Log levels (YAML key {@code logging}), applied to Logback when the bridge's command line starts it. Embedded
 * bridges leave logging to their host.
 *
 * @param level the root level: {@code trace}, {@code debug}, {@code info} (default), {@code warn}, {@code error},
 *     {@code off}
 * @param loggers levels of single loggers by name, e.g. {@code org.kitteh.irc: debug}
 */
public record LoggingConfig(String level, Map<String, String> loggers) {
    public static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");

    public LoggingConfig {
        level = level == null ? "info" : level;
        loggers = loggers == null ? Map.of() : Map.copyOf(loggers);
    }

    public static LoggingConfig defaults() {
        return new LoggingConfig(null, null);
    }

    @JsonCreator
    static LoggingConfig fromYaml(@JsonProperty("level") String level,
            @JsonProperty("loggers") Map<String, String> loggers) {
        return new LoggingConfig(level, loggers);
    }
}
