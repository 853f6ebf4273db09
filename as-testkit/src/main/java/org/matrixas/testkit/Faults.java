package org.matrixas.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults on demand for a {@link TestAppService}: the next requests from the homeserver fail with a status,
 * stall before being answered, or lose their connection. Faults queue up and apply one request each, in the
 * order they were asked for.
 */
public final class Faults {
    /** What happens to one request. */
    enum Kind { FAIL, STALL, DROP }

    record Fault(Kind kind, int status, Duration stall) {
    }

    private final Deque<Fault> pending = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();

    Faults() {
    }

    /** The next {@code n} requests are answered with {@code status} and a Matrix error body. */
    public synchronized Faults failNext(int n, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx, was " + status);
        }
        add(n, new Fault(Kind.FAIL, status, Duration.ZERO));
        return this;
    }

    /** The next {@code n} requests wait {@code stall} before they are handled (the homeserver may time out). */
    public synchronized Faults stallNext(int n, Duration stall) {
        Objects.requireNonNull(stall, "stall is null");
        add(n, new Fault(Kind.STALL, 0, stall));
        return this;
    }

    /** The next {@code n} requests have their connection closed without an answer. */
    public synchronized Faults dropNext(int n) {
        add(n, new Fault(Kind.DROP, 0, Duration.ZERO));
        return this;
    }

    /** Forgets the faults not yet applied. */
    public synchronized void clear() {
        pending.clear();
    }

    /** How many requests the service has received, faulted or not. */
    public int requests() {
        return requests.get();
    }

    private void add(int n, Fault fault) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        for (int i = 0; i < n; i++) {
            pending.addLast(fault);
        }
    }

    /** The fault for the request now arriving, if any. */
    synchronized Fault next() {
        requests.incrementAndGet();
        return pending.pollFirst();
    }
}
