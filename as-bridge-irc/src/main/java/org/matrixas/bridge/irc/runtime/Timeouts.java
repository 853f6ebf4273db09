package org.matrixas.bridge.irc.runtime;

import java.time.Duration;

/**
 * How long the bridge waits for things, in one place so tests can shorten them.
 *
 * @param ircJoin for a connection to finish registering and join a channel
 * @param reconnectInitial first reconnect delay (doubling up to {@code reconnectMax})
 * @param registerInitial first retry delay of the draft registration call (doubling up to {@code registerMax})
 */
public record Timeouts(Duration ircJoin, Duration reconnectInitial, Duration reconnectMax, Duration registerInitial,
        Duration registerMax) {

    public static Timeouts defaults() {
        return new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMinutes(5),
                Duration.ofMillis(500), Duration.ofSeconds(30));
    }
}
