package org.matrixas.bridge.irc.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Flood control of one IRC connection: a token bucket that lets {@code burst} lines out at once, then one line
 * every {@code intervalMs}. Lines always leave in the order they were queued. {@code intervalMs = 0} turns the
 * delay off (tests, or a server that exempts the bridge).
 *
 * @param burst lines sent without delay after a quiet period (default 3, at least 1)
 * @param intervalMs milliseconds between lines once the burst is used (default 1200)
 */
public record FloodConfig(int burst, long intervalMs) {
    public static final int DEFAULT_BURST = 3;
    public static final long DEFAULT_INTERVAL_MS = 1200;

    @JsonCreator
    static FloodConfig fromYaml(@JsonProperty("burst") Integer burst, @JsonProperty("interval_ms") Long intervalMs) {
        return new FloodConfig(burst == null ? DEFAULT_BURST : burst,
                intervalMs == null ? DEFAULT_INTERVAL_MS : intervalMs);
    }

    public static FloodConfig defaults() {
        return new FloodConfig(DEFAULT_BURST, DEFAULT_INTERVAL_MS);
    }

    /** No delay at all: every line leaves as soon as the previous one did. */
    public static FloodConfig unlimited() {
        return new FloodConfig(1, 0);
    }
}
