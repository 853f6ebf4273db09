package org.matrixas.homeserver.config;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Log levels ({@code logging: {level: info, loggers: {org.matrixas.homeserver.txn: debug}}}), applied to Logback
 * when the homeserver starts. Nothing set (the default) leaves the levels of {@code logback.xml} alone, so an
 * embedding application keeps its own.
 *
 * @param level   the root level, if set
 * @param loggers levels of single loggers (and their children), by logger name
 */
public record LoggingConfig(Optional<String> level, Map<String, String> loggers) {
    /** The levels Logback knows, lower case. */
    public static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");
    public static final LoggingConfig DEFAULT = new LoggingConfig(Optional.empty(), Map.of());

    public LoggingConfig {
        Objects.requireNonNull(level, "level is null");
        level = level.map(l -> check("logging.level", l));
        Map<String, String> copy = new TreeMap<>();
        Objects.requireNonNull(loggers, "loggers is null").forEach((name, l) -> {
            if (name.isBlank()) {
                throw new ConfigException("'logging.loggers' must not contain an empty logger name");
            }
            copy.put(name, check("logging.loggers." + name, l));
        });
        loggers = Map.copyOf(copy);
    }

    private static String check(String key, String level) {
        String l = Objects.requireNonNull(level, key + " is null").toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(l)) {
            throw new ConfigException("'" + key + "' must be one of " + String.join(", ", new java.util.TreeSet<>(LEVELS))
                    + ", was '" + level + "'");
        }
        return l;
    }

    /** Whether anything is set. */
    public boolean isEmpty() {
        return level.isEmpty() && loggers.isEmpty();
    }
}
