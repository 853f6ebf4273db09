package org.matrixas.testkit.bench;

import java.time.Duration;
import java.util.List;

/**
 * How big a run is. {@code FULL} is {@code bin/bench} (about ten minutes on two cores), {@code QUICK} is {@code
 * bin/bench --quick} (under a minute), {@code SMOKE} is the in-process check of {@code BenchSmokeIT} (seconds;
 * its figures mean nothing).
 */
public enum Scale {
    FULL(List.of(1, 10, 100), 10_000, 32, List.of(10, 100), Duration.ofSeconds(10), 20, true,
            List.of(100, 1000), 3),
    QUICK(List.of(1, 10), 1_000, 32, List.of(100), Duration.ofSeconds(2), 4, false, List.of(20), 1),
    SMOKE(List.of(1, 2), 200, 4, List.of(20), Duration.ofSeconds(1), 1, false, List.of(5), 1);

    private final List<Integer> serviceCounts;
    private final int events;
    private final int connections;
    private final List<Integer> relayRates;
    private final Duration relayWindow;
    private final int relayChannels;
    private final boolean relayOnNgircd;
    private final List<Integer> puppetCounts;
    private final int startupRepeats;

    Scale(List<Integer> serviceCounts, int events, int connections, List<Integer> relayRates, Duration relayWindow,
            int relayChannels, boolean relayOnNgircd, List<Integer> puppetCounts, int startupRepeats) {
        this.serviceCounts = serviceCounts;
        this.events = events;
        this.connections = connections;
        this.relayRates = relayRates;
        this.relayWindow = relayWindow;
        this.relayChannels = relayChannels;
        this.relayOnNgircd = relayOnNgircd;
        this.puppetCounts = puppetCounts;
        this.startupRepeats = startupRepeats;
    }

    /** Numbers of application services {@code push} and {@code send} run with. */
    public List<Integer> serviceCounts() {
        return serviceCounts;
    }

    /** Events sent (and then pushed) per service count. */
    public int events() {
        return events;
    }

    /** Concurrent connections of {@code send}. */
    public int connections() {
        return connections;
    }

    public List<Integer> relayRates() {
        return relayRates;
    }

    /** How long {@code relay} sends at each rate, each way. */
    public Duration relayWindow() {
        return relayWindow;
    }

    public int relayChannels() {
        return relayChannels;
    }

    /** Rounds in which every relay sender speaks once each way before measuring (puppets, JIT). */
    public int relayWarmupRounds() {
        return this == FULL ? 3 : 1;
    }

    public boolean relayOnNgircd() {
        return relayOnNgircd;
    }

    public List<Integer> puppetCounts() {
        return puppetCounts;
    }

    public int startupRepeats() {
        return startupRepeats;
    }
}
