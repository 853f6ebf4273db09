package org.matrixas.homeserver.room;

import java.time.Duration;
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
    private long head;

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
        lock.lock();
        try {
            if (ordering > head) {
                head = ordering;
                moved.signalAll();
            }
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
            if (head <= ordering && nanos > 0) {
                moved.await(nanos, TimeUnit.NANOSECONDS);
            }
            return head;
        } finally {
            lock.unlock();
        }
    }
}
