package org.matrixas.homeserver.config;

import java.util.Objects;

/**
 * Where the HTTP listener binds ({@code listen: {host, port}}). Port 0 picks a free port.
 *
 * @param host an interface address or host name, default {@code 127.0.0.1}
 * @param port 0..65535, default 8008
 */
public record ListenConfig(String host, int port) {
    public static final ListenConfig DEFAULT = new ListenConfig("127.0.0.1", 8008);

    public ListenConfig {
        Objects.requireNonNull(host, "host is null");
        if (host.isBlank()) {
            throw new ConfigException("'listen.host' must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException("'listen.port' must be between 0 and 65535, was " + port);
        }
    }
}
