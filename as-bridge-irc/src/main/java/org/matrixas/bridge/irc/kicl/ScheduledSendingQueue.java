package org.matrixas.bridge.irc.kicl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.kitteh.irc.client.library.feature.sending.MessageSendingQueue;
import org.matrixas.bridge.irc.config.FloodConfig;

/**
 * KICL's delayed sending queue, run as tasks on the shared scheduler instead of a thread per client. A token
 * bucket ({@link FloodConfig}) paces the lines; at most one drain task per queue is ever pending or running, so a
 * client's lines leave in the order they were queued.
 */
final class ScheduledSendingQueue implements MessageSendingQueue {
    private final ScheduledExecutorService scheduler;
    private final FloodConfig flood;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private Consumer<String> consumer;
    private boolean sending;
    private boolean busy;
    private double tokens;
    private long refilledAt = System.nanoTime();

    ScheduledSendingQueue(ScheduledExecutorService scheduler, FloodConfig flood) {
        this.scheduler = scheduler;
        this.flood = flood;
        this.tokens = flood.burst();
    }

    @Override
    public synchronized void beginSending(Consumer<String> newConsumer) {
        consumer = newConsumer;
        sending = true;
        kick();
    }

    @Override
    public synchronized boolean contains(String message) {
        return queue.contains(message);
    }

    @Override
    public synchronized Optional<Consumer<String>> getConsumer() {
        return Optional.ofNullable(consumer);
    }

    @Override
    public synchronized void pause() {
        sending = false;
    }

    @Override
    public synchronized void queue(String message) {
        queue.add(message);
        kick();
    }

    @Override
    public synchronized Queue<String> shutdown() {
        sending = false;
        consumer = null;
        Queue<String> left = new ArrayDeque<>(queue);
        queue.clear();
        return left;
    }

    /** Schedules a drain when there is something to send and none is pending. Holds the lock. */
    private void kick() {
        if (!sending || busy || queue.isEmpty() || scheduler.isShutdown()) {
            return;
        }
        busy = true;
        refill();
        long waitNanos = tokens >= 1 ? 0 : (long) ((1 - tokens) * TimeUnit.MILLISECONDS.toNanos(flood.intervalMs()));
        try {
            scheduler.schedule(this::drain, waitNanos, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            busy = false;
        }
    }

    private void drain() {
        List<String> batch = new ArrayList<>();
        Consumer<String> target;
        synchronized (this) {
            refill();
            target = consumer;
            while (sending && target != null && !queue.isEmpty() && (flood.intervalMs() == 0 || tokens >= 1)) {
                batch.add(queue.poll());
                tokens -= 1;
            }
        }
        try {
            if (target != null) {
                batch.forEach(target);
            }
        } finally {
            synchronized (this) {
                busy = false;
                kick();
            }
        }
    }

    private void refill() {
        long now = System.nanoTime();
        if (flood.intervalMs() == 0) {
            tokens = flood.burst();
        } else {
            double earned = (now - refilledAt) / (double) TimeUnit.MILLISECONDS.toNanos(flood.intervalMs());
            tokens = Math.min(flood.burst(), tokens + earned);
        }
        refilledAt = now;
    }
}
