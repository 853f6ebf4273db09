package org.matrixas.bridge.irc.metrics;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Connections by role and state at one moment, for {@link BridgeMetrics}. */
public final class ConnectionCounts {
    /** A connection's role. */
    public enum Role { BOT, PUPPET }

    /** Where a connection stands: registered, trying to register, or waiting (back-off) or closed. */
    public enum State { CONNECTED, CONNECTING, DISCONNECTED }

    /** Receives one value per role and state. */
    public interface Sink {
        void value(double value, String... labels);
    }

    private final Map<Role, Map<State, Integer>> counts = new EnumMap<>(Role.class);

    public ConnectionCounts add(Role role, State state) {
        counts.computeIfAbsent(role, r -> new EnumMap<>(State.class)).merge(state, 1, Integer::sum);
        return this;
    }

    public int get(Role role, State state) {
        return counts.getOrDefault(role, Map.of()).getOrDefault(state, 0);
    }

    public int puppets() {
        return counts.getOrDefault(Role.PUPPET, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    void report(Sink sink) {
        for (Role role : Role.values()) {
            for (State state : State.values()) {
                sink.value(get(role, state), role.name().toLowerCase(Locale.ROOT), state.name().toLowerCase(Locale.ROOT));
            }
        }
    }
}
