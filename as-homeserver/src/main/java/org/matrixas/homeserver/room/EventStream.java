package org.matrixas.homeserver.room;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The head of the global event stream (the highest committed stream ordering) and a way to wait for it to move:
 * {@code /sync} long-polls and the push pipeline's senders wait here instead of polling.
 */
public final class EventStream {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long head;
    private boolean closed;

    public EventStream(long head) {
        this.head = head;
    }

    /** A stream whose head is the highest stream ordering already in the database. */
    public static EventStream fromDatabase(org.matrixas.homeserver.store.Database db) {
        return new EventStream(db.read(RoomStore::head));
    }

    public long head() {
        lock.lock();
        try {
            return head;
        } finally {
            lock.unlock();
        }
    }

    /** Records that events up to {@code ordering} are committed, waking every waiter. */
    public void advance(long ordering) {
        boolean changed = false;
        lock.lock();
        try {
            if (ordering > head) {
                head = ordering;
                moved.signalAll();
                changed = true;
            }
        } finally {
            lock.unlock();
        }
        if (changed) {
            listeners.forEach(Runnable::run);
        }
    }

    /** Runs {@code listener} (briefly, on the writer's thread) each time the head moves. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** Ends every wait now and every later one at once: the homeserver is stopping. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiter without moving the head (used at shutdown and on configuration changes). */
    public void wakeAll() {
        lock.lock();
        try {
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the head is beyond {@code ordering}, {@link #wakeAll} is called, or the timeout passes.
     *
     * @return the head when it returns
     */
    public long awaitBeyond(long ordering, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            if (head <= ordering && nanos > 0 && !closed) {
                moved.await(nanos, TimeUnit.NANOSECONDS);
            }
            return head;
        } finally {
            lock.unlock();
        }
    }
}
