package org.matrixas.bridge.irc.irc;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Caps how many connections reconnect at once. A connection that dropped waits for its back-off delay, then for
 * a free slot; it holds the slot until it is registered again or fails, and the next waiting one starts. After an
 * IRC server restart this keeps thousands of puppets from hammering the server in the same second.
 */
public final class Reconnects {
    private final ScheduledExecutorService scheduler;
    private final int maxConcurrent;
    private final ArrayDeque<Slot> waiting = new ArrayDeque<>();
    private final Runnable onSchedule;
    private int active;

    public Reconnects(ScheduledExecutorService scheduler, int maxConcurrent) {
        this(scheduler, maxConcurrent, () -> { });
    }

    /** As above; {@code onSchedule} runs on every {@link #schedule} (the reconnect counter). */
    public Reconnects(ScheduledExecutorService scheduler, int maxConcurrent, Runnable onSchedule) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
        }
        this.scheduler = scheduler;
        this.maxConcurrent = maxConcurrent;
        this.onSchedule = onSchedule;
    }

    /** A reconnect attempt holding (or waiting for) a slot; {@link #release()} gives the slot back once. */
    public final class Slot {
        private final Runnable attempt;
        private boolean holding;
        private boolean released;

        private Slot(Runnable attempt) {
            this.attempt = attempt;
        }

        public void release() {
            synchronized (Reconnects.this) {
                if (released) {
                    return;
                }
                released = true;
                if (!holding) {
                    waiting.remove(this);
                    return;
                }
                active--;
            }
            startWaiting();
        }
    }

    /** Runs {@code attempt} after {@code delay}, once fewer than the cap are reconnecting; release the slot after. */
    public Slot schedule(Duration delay, Runnable attempt) {
        Slot slot = new Slot(attempt);
        onSchedule.run();
        try {
            scheduler.schedule(() -> enqueue(slot), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            slot.released = true;
        }
        return slot;
    }

    /** How many connections hold a slot now. */
    public synchronized int active() {
        return active;
    }

    private void enqueue(Slot slot) {
        synchronized (this) {
            if (slot.released) {
                return;
            }
            waiting.add(slot);
        }
        startWaiting();
    }

    private void startWaiting() {
        while (true) {
            Slot next;
            synchronized (this) {
                if (active >= maxConcurrent || waiting.isEmpty()) {
                    return;
                }
                next = waiting.poll();
                next.holding = true;
                active++;
            }
            try {
                next.attempt.run();
            } catch (RuntimeException e) {
                next.release();
            }
        }
    }
}
