package org.matrixas.homeserver.it;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.json.Json;

/**
 * An application service that records every transaction and de-duplicates by txnId, as the spec asks of a
 * service. It can refuse pushes (503) and can hold one push without answering, so the homeserver can be killed
 * while that push is in flight.
 */
final class RecordingAppService implements AutoCloseable {
    private final Undertow undertow;
    private final Map<String, byte[]> firstBodies = new LinkedHashMap<>();
    private final List<String> arrivals = new ArrayList<>();
    private final List<String> mismatches = new ArrayList<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    volatile boolean accepting;
    /** The push with this 1-based index among new txnIds is recorded but not answered until {@link #release}. */
    volatile int holdAt = -1;
    final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    RecordingAppService() {
        undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setWorkerThreads(8)
                .setHandler(this::handle).build();
        undertow.start();
    }

    String url() {
        return "http://127.0.0.1:" + ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    private void handle(HttpServerExchange ex) throws IOException, InterruptedException {
        if (ex.isInIoThread()) {
            ex.dispatch(this::handle);
            return;
        }
        String path = ex.getRequestPath();
        if (!path.contains("/transactions/")) {
            ex.setStatusCode(404);
            ex.getResponseSender().send("{\"errcode\":\"M_UNRECOGNIZED\"}");
            return;
        }
        if (!accepting) {
            ex.setStatusCode(503);
            ex.getResponseSender().send("{\"errcode\":\"M_UNKNOWN\",\"error\":\"not yet\"}");
            return;
        }
        String txnId = path.substring(path.lastIndexOf('/') + 1);
        ex.startBlocking();
        byte[] body = ex.getInputStream().readAllBytes();
        boolean hold;
        synchronized (this) {
            arrivals.add(txnId);
            byte[] first = firstBodies.putIfAbsent(txnId, body);
            if (first != null) {
                duplicates.incrementAndGet();
                if (!Arrays.equals(first, body)) {
                    mismatches.add(txnId);
                }
            }
            hold = first == null && firstBodies.size() == holdAt;
            notifyAll();
        }
        if (hold) {
            holding.countDown();
            released.await(60, TimeUnit.SECONDS);
        }
        ex.getResponseSender().send("{}");
    }

    /** Waits until another push arrives or {@code timeout} passes. */
    synchronized void awaitMore(java.time.Duration timeout) throws InterruptedException {
        wait(timeout.toMillis());
    }

    void release() {
        released.countDown();
    }

    /** The events of every distinct transaction, in the order their txnIds first arrived. */
    synchronized List<ClientEvent> events() {
        List<ClientEvent> out = new ArrayList<>();
        firstBodies.values().forEach(b -> out.addAll(Json.read(b, Transaction.class).events()));
        return out;
    }

    /** The txnIds of first arrivals, in arrival order. */
    synchronized List<String> txnIds() {
        return List.copyOf(firstBodies.keySet());
    }

    synchronized List<String> mismatches() {
        return List.copyOf(mismatches);
    }

    int duplicates() {
        return duplicates.get();
    }

    @Override
    public void close() {
        release();
        undertow.stop();
    }
}
