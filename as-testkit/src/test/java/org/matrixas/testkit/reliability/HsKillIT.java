package org.matrixas.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.Session;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.http.PercentCodec;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.json.Json;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.RegistrationFiles;
import org.matrixas.testkit.Await;

/**
 * Faults, item 1: the homeserver process is killed with SIGKILL at a random point of a push of N events to two
 * application services, and restarted on the same store. Each service must end with every event exactly once
 * (after txnId de-duplication), in stream order, and both in the same order.
 *
 * <p>Short: {@code reliability.kill.runs}=2 x {@code reliability.kill.events}=500; long profile: 20 x 10 000.
 * {@code reliability.kill.senders} (default 32) sets the concurrent senders; each prints its phases' times.
 */
class HsKillIT {
    /** Registered users; each sends from {@link #SENDERS} / USERS threads, each thread with its own txnIds. */
    private static final int USERS = 4;
    /**
     * Concurrent senders, one send in flight each. The homeserver group-commits concurrent writes (one fsync per
     * group), so its throughput grows with the writes waiting: 4 one-at-a-time senders left it fsync-bound.
     */
    private static final int SENDERS = Integer.getInteger("reliability.kill.senders", 32);
    private static final Namespaces LOAD_USERS = new Namespaces(List.of(Namespace.shared("@load.*:localhost")),
            List.of(), List.of());

    @Test
    void sigkillDuringPush_restartOnSameStore_everyEventExactlyOnceInStreamOrder(@TempDir Path tmp) throws Exception {
        int runs = Rel.count("kill.runs", 2, 20);
        int events = Rel.count("kill.events", 500, 10_000);
        Random random = new Random(Rel.seed("HsKillIT"));
        long redeliveredTotal = 0;
        long transportRetries = 0;
        List<String> kills = new ArrayList<>();
        long started = System.nanoTime();
        for (int run = 0; run < runs; run++) {
            Path dir = Files.createDirectories(tmp.resolve("run" + run));
            Outcome o = oneRun(dir, events, random);
            redeliveredTotal += o.redelivered;
            transportRetries += o.retries;
            kills.add(o.killPoint);
        }
        Rel.figure(String.format("HsKillIT: %d runs x %d events x 2 ASes, SIGKILL at %s; every event exactly once "
                        + "and in stream order at both ASes; %d transactions re-sent after restart (deduplicated by "
                        + "txnId), %d client sends retried; %.0f s",
                runs, events, kills, redeliveredTotal, transportRetries, (System.nanoTime() - started) / 1e9));
    }

    private record Outcome(String killPoint, int redelivered, int retries) {
    }

    private static Outcome oneRun(Path dir, int events, Random random) throws Exception {
        try (RecordingService a = new RecordingService("rec-a", LOAD_USERS);
                RecordingService b = new RecordingService("rec-b", LOAD_USERS)) {
            RegistrationFiles.write(a.registration(), dir.resolve("as-a.yaml"));
            RegistrationFiles.write(b.registration(), dir.resolve("as-b.yaml"));
            String yaml = """
                    server_name: localhost
                    data_dir: data
                    enable_registration: true
                    app_service_config_files: [as-a.yaml, as-b.yaml]
                    appservice: {backoff_min_ms: 20, backoff_max_ms: 500}
                    """;
            long t0 = System.nanoTime();
            try (HsProcess hs = new HsProcess(dir, yaml, List.of()).start()) {
                HomeserverClient anon = HomeserverClient.anonymous(hs.baseUrl());
                List<HomeserverClient> users = new ArrayList<>();
                List<String> secrets = new ArrayList<>(List.of(a.asToken, a.hsToken, b.asToken, b.hsToken));
                for (int i = 0; i < USERS; i++) {
                    // One password is enough for the log check: each costs 210 000 PBKDF2 rounds (seconds of CPU
                    // on a loaded machine, per run), and a user without one gets a token all the same.
                    String password = i == 0 ? "pw-load-" + UUID.randomUUID() : null;
                    Session s = anon.registerUser("load" + i, password);
                    users.add(anon.withToken(s.accessToken()));
                    secrets.add(s.accessToken());
                    if (password != null) {
                        secrets.add(password);
                    }
                }
                RoomId room = users.get(0).createRoom(CreateRoomRequest.named("load").withPreset("public_chat"));
                for (int i = 1; i < USERS; i++) {
                    users.get(i).join(room.toString());
                }
                long t1 = System.nanoTime();
                AtomicInteger sent = new AtomicInteger();
                AtomicInteger retries = new AtomicInteger();
                ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
                List<Future<?>> senders = new ArrayList<>();
                for (int t = 0; t < SENDERS; t++) {
                    int thread = t;
                    int count = share(events, thread);
                    senders.add(pool.submit(() -> {
                        for (int i = 0; i < count; i++) {
                            send(hs, users.get(thread % USERS), room, "k" + thread + "." + i, "m-" + thread + "-" + i, retries);
                            sent.incrementAndGet();
                        }
                        return null;
                    }));
                }
                // Kill while clients send (counter: sent) or while the pipeline drains (counter: delivered to A).
                boolean onSend = random.nextBoolean();
                int threshold = 1 + random.nextInt(events - 1);
                IntSupplier counter = onSend ? sent::get : a::distinct;
                Await.until("the push to reach " + threshold, () -> counter.getAsInt() >= threshold
                        || (sent.get() == events && a.distinct() >= events), Duration.ofMinutes(10));
                int atSent = sent.get();
                int atA = a.distinct();
                int atB = b.distinct();
                long t2 = System.nanoTime();
                hs.kill();
                String killPoint = (onSend ? "sent=" : "deliveredA=") + threshold;
                hs.start();
                long t3 = System.nanoTime();
                for (Future<?> f : senders) {
                    f.get(10, TimeUnit.MINUTES);
                }
                pool.shutdown();
                long t4 = System.nanoTime();
                send(hs, users.get(0), room, "k-end", "end", retries);
                Duration drain = Duration.ofMinutes(LONG_DRAIN_MINUTES);
                Await.until("both services to receive the end marker", () -> a.has("end") && b.has("end"), drain);
                long t5 = System.nanoTime();
                System.err.printf("[reliability] HsKillIT phases (s): start+register %.1f, send until kill %.1f, "
                        + "kill+restart %.1f, rest of the sends %.1f, drain %.1f; %d senders%n", (t1 - t0) / 1e9,
                        (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (t5 - t4) / 1e9, SENDERS);
                for (RecordingService s : List.of(a, b)) {
                    check(s, events);
                }
                assertEquals(a.bodies(), b.bodies(), "both services see the same stream order");
                // No token or password in any log line of the homeserver process (both runs of it).
                String log = hs.logText();
                for (String secret : secrets) {
                    assertTrue(!log.contains(secret), "a secret appears in the homeserver log: "
                            + secret.substring(0, 4) + "…");
                }
                System.err.printf("[reliability] HsKillIT run: kill at %s (sent %d, A %d, B %d); A re-sent %d, B re-sent "
                        + "%d; %d client retries%n", killPoint, atSent, atA, atB, a.redelivered(), b.redelivered(),
                        retries.get());
                return new Outcome(killPoint, a.redelivered() + b.redelivered(), retries.get());
            }
        }
    }

    private static final int LONG_DRAIN_MINUTES = 5;

    /** How many of {@code events} sender {@code thread} sends (the last one takes the remainder). */
    private static int share(int events, int thread) {
        int per = events / SENDERS;
        return thread == SENDERS - 1 ? events - per * (SENDERS - 1) : per;
    }

    private static void check(RecordingService s, int events) {
        Map<String, Integer> counts = s.counts();
        List<String> duplicates = counts.entrySet().stream().filter(e -> e.getValue() != 1)
                .map(e -> e.getKey() + " x" + e.getValue() + " as " + s.eventIdsOf(e.getKey())).limit(10).toList();
        assertTrue(duplicates.isEmpty(), s.id + " got events more than once: " + duplicates);
        List<String> missing = new ArrayList<>();
        for (int t = 0; t < SENDERS; t++) {
            int count = share(events, t);
            for (int i = 0; i < count; i++) {
                if (!counts.containsKey("m-" + t + "-" + i)) {
                    missing.add("m-" + t + "-" + i);
                }
            }
        }
        assertTrue(missing.isEmpty(), s.id + " misses " + missing.size() + " events, e.g. "
                + missing.subList(0, Math.min(10, missing.size())));
        int[] last = new int[SENDERS];
        java.util.Arrays.fill(last, -1);
        for (String body : s.bodies()) {
            if (body.startsWith("m-")) {
                String[] p = body.split("-");
                int t = Integer.parseInt(p[1]);
                int i = Integer.parseInt(p[2]);
                assertTrue(i > last[t], s.id + " got " + body + " after m-" + t + "-" + last[t] + ": out of order");
                last[t] = i;
            }
        }
        long prev = Long.MIN_VALUE;
        for (String txn : s.txnIds()) {
            try {
                long n = Long.parseLong(txn);
                assertTrue(n > prev, s.id + " txnIds not increasing: " + prev + " then " + n);
                prev = n;
            } catch (NumberFormatException e) {
                break; // opaque txnIds: order is not checkable
            }
        }
    }

    /** Sends with a fixed txnId, retrying through the outage: the same txnId must not create a second event. */
    static void send(HsProcess hs, HomeserverClient user, RoomId room, String txnId, String body, AtomicInteger retries) {
        ObjectNode content = Json.object().put("msgtype", "m.text").put("body", body);
        String path = "/_matrix/client/v3/rooms/" + PercentCodec.encode(room.toString()) + "/send/m.room.message/" + txnId;
        while (true) {
            try {
                user.put(path, content);
                return;
            } catch (MatrixException e) {
                if (e.httpStatus() != 502 && e.httpStatus() != 504 && e.httpStatus() != 503) {
                    throw new AssertionError("send " + txnId + " failed with " + e.httpStatus() + " " + e.errcode()
                            + ": " + e.getMessage(), e);
                }
                retries.incrementAndGet();
                Await.until("the homeserver to be back", hs::healthy, Duration.ofMinutes(2));
            }
        }
    }
}
