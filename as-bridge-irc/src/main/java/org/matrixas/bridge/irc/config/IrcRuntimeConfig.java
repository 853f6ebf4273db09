package org.matrixas.bridge.irc.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * How the bridge runs its IRC connections, for all networks (YAML key {@code irc}).
 *
 * @param eventLoopThreads threads of the event loop every connection shares (default 1)
 * @param reconnectInitial first reconnect delay, doubled (with jitter) up to {@code reconnectMax} (default 2 s)
 * @param reconnectMax longest reconnect delay (default 300 s)
 * @param reconnectMaxConcurrent connections that may be reconnecting at once (default 20)
 * @param puppetIdleTimeout a puppet that has not spoken for this long disconnects; zero keeps it (default 0)
 * @param maxPuppets puppet connections per network; the least recently active one makes room (0: no limit, default)
 */
public record IrcRuntimeConfig(int eventLoopThreads, Duration reconnectInitial, Duration reconnectMax,
        int reconnectMaxConcurrent, Duration puppetIdleTimeout, int maxPuppets) {

    public static IrcRuntimeConfig defaults() {
        return new IrcRuntimeConfig(1, Duration.ofSeconds(2), Duration.ofSeconds(300), 20, Duration.ZERO, 0);
    }

    @JsonCreator
    static IrcRuntimeConfig fromYaml(@JsonProperty("event_loop_threads") Integer loopThreads,
            @JsonProperty("reconnect_initial_ms") Long initialMs, @JsonProperty("reconnect_max_ms") Long maxMs,
            @JsonProperty("reconnect_max_concurrent") Integer maxConcurrent,
            @JsonProperty("puppet_idle_timeout_seconds") Long idleSeconds,
            @JsonProperty("max_puppets") Integer maxPuppets) {
        IrcRuntimeConfig d = defaults();
        return new IrcRuntimeConfig(loopThreads == null ? d.eventLoopThreads() : loopThreads,
                initialMs == null ? d.reconnectInitial() : Duration.ofMillis(initialMs),
                maxMs == null ? d.reconnectMax() : Duration.ofMillis(maxMs),
                maxConcurrent == null ? d.reconnectMaxConcurrent() : maxConcurrent,
                idleSeconds == null ? d.puppetIdleTimeout() : Duration.ofSeconds(idleSeconds),
                maxPuppets == null ? d.maxPuppets() : maxPuppets);
    }

    public IrcRuntimeConfig withPuppetIdleTimeout(Duration timeout) {
        return new IrcRuntimeConfig(eventLoopThreads, reconnectInitial, reconnectMax, reconnectMaxConcurrent, timeout,
                maxPuppets);
    }

    public IrcRuntimeConfig withMaxPuppets(int max) {
        return new IrcRuntimeConfig(eventLoopThreads, reconnectInitial, reconnectMax, reconnectMaxConcurrent,
                puppetIdleTimeout, max);
    }

    public IrcRuntimeConfig withReconnect(Duration initial, Duration max, int maxConcurrent) {
        return new IrcRuntimeConfig(eventLoopThreads, initial, max, maxConcurrent, puppetIdleTimeout, maxPuppets);
    }
}
