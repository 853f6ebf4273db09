package org.matrixas.bridge.irc.scrollback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.matrixas.bridge.irc.irc.IrcMessage;

/**
 * The recent lines of one channel, bounded by count and by age; the oldest go first. Thread-safe.
 */
public final class ScrollbackBuffer {
    private final int maxMessages;
    private final Duration maxAge;
    private final Clock clock;
    private final Deque<IrcMessage> lines = new ArrayDeque<>();

    public ScrollbackBuffer(int maxMessages, Duration maxAge, Clock clock) {
        if (maxMessages < 0) {
            throw new IllegalArgumentException("maxMessages must be 0 or more, was " + maxMessages);
        }
        this.maxMessages = maxMessages;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public synchronized void add(IrcMessage line) {
        if (maxMessages == 0) {
            return;
        }
        lines.addLast(line);
        while (lines.size() > maxMessages) {
            lines.removeFirst();
        }
        evictOld();
    }

    /** The lines still within bounds, oldest first. */
    public synchronized List<IrcMessage> snapshot() {
        evictOld();
        return List.copyOf(lines);
    }

    public synchronized int size() {
        evictOld();
        return lines.size();
    }

    private void evictOld() {
        Instant oldest = clock.instant().minus(maxAge);
        // Lines arrive roughly in time order; server-time may be a little out, so test each head.
        while (!lines.isEmpty() && lines.peekFirst().time().isBefore(oldest)) {
            lines.removeFirst();
        }
    }
}
