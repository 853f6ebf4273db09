package org.matrixas.bridge.irc.runtime;

import com.google.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that stops components: each registers when it has started, and {@link #close()} stops them in
 * reverse order, carrying on past failures so that nothing is left running.
 */
@Singleton
public final class Lifecycle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);
    private final Deque<Entry> started = new ArrayDeque<>();
    private boolean closed;

    /** Registers a started component; if the lifecycle is already closed, closes it at once. */
    public <T extends AutoCloseable> T register(String name, T component) {
        synchronized (this) {
            if (!closed) {
                started.push(new Entry(name, component));
                return component;
            }
        }
        closeQuietly(new Entry(name, component));
        return component;
    }

    @Override
    public void close() {
        while (true) {
            Entry next;
            synchronized (this) {
                closed = true;
                next = started.poll();
            }
            if (next == null) {
                return;
            }
            closeQuietly(next);
        }
    }

    private static void closeQuietly(Entry e) {
        try {
            LOG.debug("stopping {}", e.name);
            e.component.close();
        } catch (Exception ex) {
            LOG.warn("stopping {} failed", e.name, ex);
        }
    }

    private record Entry(String name, AutoCloseable component) {
    }
}
