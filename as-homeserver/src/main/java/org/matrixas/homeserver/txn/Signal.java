package org.matrixas.homeserver.txn;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes one sender thread. Flags, not bare notifications, so a poke that arrives while the sender is busy is not
 * lost: new work (events, ephemeral events) ends an idle wait; a retry request (a successful ping) or a stop also
 * ends a back-off wait.
 */
final class Signal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean work;
    private boolean retry;
    private boolean stopped;

    void work() {
        set(() -> work = true);
    }

    void retry() {
        set(() -> retry = true);
    }

    void stop() {
        set(() -> stopped = true);
    }

    boolean stopped() {
        lock.lock();
        try {
            return stopped;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for new work, a retry request or a stop, at most {@code timeout}; consumes the work flag. */
    void awaitWork(Duration timeout) throws InterruptedException {
        await(timeout, true);
    }

    /** Waits out a back-off unless a retry is requested or the sender stops; true when a retry was requested. */
    boolean awaitRetry(Duration timeout) throws InterruptedException {
        return await(timeout, false);
    }

    private boolean await(Duration timeout, boolean forWork) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!stopped && !retry && !(forWork && work) && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            boolean retried = retry;
            retry = false;
            if (forWork) {
                work = false;
            }
            return retried;
        } finally {
            lock.unlock();
        }
    }

    private void set(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
