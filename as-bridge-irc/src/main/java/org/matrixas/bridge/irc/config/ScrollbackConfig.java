package org.matrixas.bridge.irc.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * How much of a channel's recent history the bridge keeps to inject into a room when it is created:
 * {@code max_messages} (default 100) and {@code max_age_seconds} (default 86400).
 */
public record ScrollbackConfig(int maxMessages, Duration maxAge) {
    public static final int DEFAULT_MAX_MESSAGES = 100;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(1);

    public ScrollbackConfig {
        maxAge = maxAge == null ? DEFAULT_MAX_AGE : maxAge;
    }

    @JsonCreator
    static ScrollbackConfig fromYaml(@JsonProperty("max_messages") Integer maxMessages,
            @JsonProperty("max_age_seconds") Long maxAgeSeconds) {
        return new ScrollbackConfig(maxMessages == null ? DEFAULT_MAX_MESSAGES : maxMessages,
                maxAgeSeconds == null ? DEFAULT_MAX_AGE : Duration.ofSeconds(maxAgeSeconds));
    }

    public static ScrollbackConfig defaults() {
        return new ScrollbackConfig(DEFAULT_MAX_MESSAGES, DEFAULT_MAX_AGE);
    }
}
