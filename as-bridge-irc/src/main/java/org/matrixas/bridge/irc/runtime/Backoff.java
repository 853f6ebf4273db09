package org.matrixas.bridge.irc.runtime;

import java.time.Duration;

/** Exponential back-off: each {@link #next()} doubles the delay up to a cap; {@link #reset()} starts over. */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private Duration current;

    public Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.current = initial;
    }

    public synchronized Duration next() {
        Duration d = current;
        Duration doubled = current.multipliedBy(2);
        current = doubled.compareTo(max) > 0 ? max : doubled;
        return d;
    }

    public synchronized void reset() {
        current = initial;
    }
}
