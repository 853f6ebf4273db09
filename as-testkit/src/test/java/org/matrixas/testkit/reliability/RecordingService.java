package org.matrixas.testkit.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.matrixas.protocol.appservice.AppService;
import org.matrixas.protocol.appservice.AppServiceEndpoint;
import org.matrixas.protocol.appservice.AppServiceServer;
import org.matrixas.protocol.appservice.TransactionLog;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;

/**
 * An application service in the test JVM (as-protocol's {@link AppServiceServer}) that de-duplicates by txnId
 * and records, in arrival order, the body of every {@code m.room.message} and the txnIds it processed.
 */
final class RecordingService implements AppService, AutoCloseable {
    final String id;
    final String asToken = "as_" + UUID.randomUUID();
    final String hsToken = "hs_" + UUID.randomUUID();
    private final AppServiceServer server;
    private final List<String> bodies = new ArrayList<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, Set<String>> eventIds = new HashMap<>();
    private final List<String> txnIds = new ArrayList<>();
    private final AtomicInteger redelivered = new AtomicInteger();
    private final Namespaces namespaces;

    RecordingService(String id, Namespaces namespaces) {
        this.id = id;
        this.namespaces = namespaces;
        Set<String> seen = new HashSet<>();
        TransactionLog log = new TransactionLog() {
            @Override
            public synchronized boolean isProcessed(String txnId) {
                boolean again = seen.contains(txnId);
                if (again) {
                    redelivered.incrementAndGet();
                }
                return again;
            }

            @Override
            public synchronized void markProcessed(String txnId) {
                seen.add(txnId);
            }
        };
        server = AppServiceServer.builder().port(0).workerThreads(4)
                .endpoint(AppServiceEndpoint.builder().hsToken(hsToken).service(this).transactionLog(log).build())
                .build().start();
    }

    Registration registration() {
        return Registration.builder().id(id).url("http://127.0.0.1:" + server.port()).asToken(asToken)
                .hsToken(hsToken).senderLocalpart(id).namespaces(namespaces).rateLimited(false).build();
    }

    @Override
    public synchronized void onTransaction(String txnId, Transaction txn) {
        txnIds.add(txnId);
        for (ClientEvent e : txn.events()) {
            if (e.type().equals("m.room.message")) {
                String body = e.contentString("body").orElse("");
                bodies.add(body);
                counts.merge(body, 1, Integer::sum);
                eventIds.computeIfAbsent(body, b -> new HashSet<>()).add(e.eventId().toString());
            }
        }
    }

    synchronized int distinct() {
        return counts.size();
    }

    synchronized boolean has(String body) {
        return counts.containsKey(body);
    }

    synchronized List<String> bodies() {
        return List.copyOf(bodies);
    }

    synchronized Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }

    /** The event IDs a body arrived under (two IDs: the homeserver stored it twice; one: it pushed it twice). */
    synchronized Set<String> eventIdsOf(String body) {
        return Set.copyOf(eventIds.getOrDefault(body, Set.of()));
    }

    synchronized List<String> txnIds() {
        return List.copyOf(txnIds);
    }

    /** Transactions the homeserver sent again after this service had processed them (answered 200, not re-run). */
    int redelivered() {
        return redelivered.get();
    }

    @Override
    public void close() {
        server.close();
    }
}
