package org.matrixas.testkit.irc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Everything an {@link IrcTestClient} received, with "consumed" marks. A wait takes the first unconsumed
 * matching line, so lines that arrive before a test starts waiting are never lost and lines a wait skips
 * stay available to later waits.
 */
final class LineHistory {
    private static final int MAX_LINES = 10_000;
    private static final int TRIM_CHUNK = 1_000;
    private static final int TAIL_IN_ERRORS = 20;

    /** One received line; {@code consumed} is guarded by the history's monitor. */
    private static final class Entry {
        final IrcLine line;
        boolean consumed;

        Entry(IrcLine line) {
            this.line = line;
        }
    }

    private final String owner;
    private final List<Entry> entries = new ArrayList<>();
    /** Entries trimmed from the front, so {@code dropped + index} is a stable sequence number. */
    private long dropped;
    private String closedReason;

    LineHistory(String owner) {
        this.owner = owner;
    }

    synchronized void add(IrcLine line) {
        entries.add(new Entry(line));
        if (entries.size() > MAX_LINES) {
            entries.subList(0, TRIM_CHUNK).clear();
            dropped += TRIM_CHUNK;
        }
        notifyAll();
    }

    synchronized void close(String reason) {
        if (closedReason == null) {
            closedReason = reason;
        }
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closedReason != null;
    }

    synchronized List<String> raw() {
        return entries.stream().map(e -> e.line.raw()).toList();
    }

    /**
     * Waits until an unconsumed line matches, consumes and returns it. Fails fast once the connection is
     * closed and no received line matches, because nothing new can arrive.
     */
    synchronized IrcLine await(String description, Predicate<IrcLine> matches, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long scanFrom = dropped;
        while (true) {
            long end = dropped + entries.size();
            for (long seq = Math.max(scanFrom, dropped); seq < end; seq++) {
                Entry e = entries.get((int) (seq - dropped));
                if (!e.consumed && matches.test(e.line)) {
                    e.consumed = true;
                    return e.line;
                }
            }
            scanFrom = end;
            if (closedReason != null) {
                throw new IllegalStateException("Connection of " + owner + " closed (" + closedReason
                        + ") while waiting for " + description + tail());
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new IrcAwaitTimeoutException("Timed out after " + timeout.toMillis() + " ms waiting for "
                        + description + " on " + owner + tail());
            }
            waitNanos(remaining);
        }
    }

    /** Waits until the connection is closed; times out like {@link #await}. */
    synchronized void awaitClosed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (closedReason == null) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new IrcAwaitTimeoutException("Timed out after " + timeout.toMillis()
                        + " ms waiting for the connection of " + owner + " to close" + tail());
            }
            waitNanos(remaining);
        }
    }

    private void waitNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(this, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting on " + owner, e);
        }
    }

    private String tail() {
        int from = Math.max(0, entries.size() - TAIL_IN_ERRORS);
        StringBuilder sb = new StringBuilder("; last ").append(entries.size() - from).append(" lines received:");
        for (Entry e : entries.subList(from, entries.size())) {
            sb.append("\n  <- ").append(e.line.raw()).append(e.consumed ? "  (consumed)" : "");
        }
        return sb.toString();
    }
}
