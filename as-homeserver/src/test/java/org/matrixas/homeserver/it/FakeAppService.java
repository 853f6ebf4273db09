package org.matrixas.homeserver.it;

import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.matrixas.protocol.appservice.AppService;
import org.matrixas.protocol.appservice.AppServiceEndpoint;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;

/**
 * A tiny application service for tests: as-protocol's {@link AppServiceEndpoint} behind a loopback Undertow whose
 * hs_token can be set after the homeserver issued it (draft registration). Every push attempt is recorded, also
 * the ones it is told to fail.
 */
final class FakeAppService implements AppService, AutoCloseable {
    record Attempt(String txnId, Transaction transaction, boolean failed) {
    }

    final BlockingQueue<Attempt> attempts = new LinkedBlockingQueue<>();
    final AtomicInteger failNext = new AtomicInteger();
    volatile String lastDeliveredTxnId;
    volatile Predicate<UserId> onUser = u -> false;
    volatile Predicate<RoomAlias> onAlias = a -> false;
    private volatile AppServiceEndpoint endpoint;
    private final Undertow undertow;

    /** While set, every push waits for it (a hung service). */
    volatile java.util.concurrent.CountDownLatch hang;

    FakeAppService() {
        this(0);
    }

    /** A service on a fixed port, to bring one back where it was. */
    FakeAppService(int port) {
        undertow = Undertow.builder().addHttpListener(port, "127.0.0.1").setWorkerThreads(16)
                .setHandler(ex -> {
                    AppServiceEndpoint e = endpoint;
                    if (e == null) {
                        ex.setStatusCode(503);
                        ex.endExchange();
                    } else {
                        e.handleRequest(ex);
                    }
                }).build();
        undertow.start();
    }

    FakeAppService hsToken(String token) {
        endpoint = AppServiceEndpoint.builder().hsToken(token).service(this).build();
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public void onTransaction(String txnId, Transaction transaction) {
        java.util.concurrent.CountDownLatch h = hang;
        if (h != null) {
            try {
                h.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            attempts.add(new Attempt(txnId, transaction, true));
            throw new IllegalStateException("told to fail");
        }
        lastDeliveredTxnId = txnId;
        attempts.add(new Attempt(txnId, transaction, false));
    }

    @Override
    public boolean onUserQuery(UserId userId) {
        return onUser.test(userId);
    }

    @Override
    public boolean onAliasQuery(RoomAlias alias) {
        return onAlias.test(alias);
    }

    /** The next push attempt, waiting up to {@code timeout}. */
    Attempt next(Duration timeout) throws InterruptedException {
        Attempt a = attempts.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (a == null) {
            throw new AssertionError("no transaction arrived within " + timeout);
        }
        return a;
    }

    /** Successful deliveries until one holds an event matching {@code until}; returns all their events. */
    List<ClientEvent> eventsUntil(Predicate<ClientEvent> until, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ClientEvent> out = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            Attempt a = attempts.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (a == null) {
                throw new AssertionError("no matching event within " + timeout + "; got " + out);
            }
            if (a.failed()) {
                continue;
            }
            out.addAll(a.transaction().events());
            if (a.transaction().events().stream().anyMatch(until)) {
                return out;
            }
        }
    }

    @Override
    public void close() {
        java.util.concurrent.CountDownLatch h = hang;
        if (h != null) {
            h.countDown();
        }
        undertow.stop();
    }
}
