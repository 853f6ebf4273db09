package org.matrixas.bridge.irc.runtime;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Jittered exponential back-off: each {@link #next()} returns a random delay between half and all of the current
 * step, then doubles the step up to a cap; {@link #reset()} starts over. The jitter spreads the reconnects of many
 * connections that dropped together (an IRC server restart) instead of sending them all back at once.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;
    private Duration current;

    public Backoff(Duration initial, Duration max) {
        this(initial, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** With a given source of numbers in [0, 1) (tests). */
    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
        this.current = initial;
    }

    public synchronized Duration next() {
        long step = current.toMillis();
        long delay = step / 2 + (long) (random.getAsDouble() * (step - step / 2));
        Duration doubled = current.multipliedBy(2);
        current = doubled.compareTo(max) > 0 ? max : doubled;
        return Duration.ofMillis(Math.max(1, delay));
    }

    public synchronized void reset() {
        current = initial;
    }
}
