package org.matrixas.testkit.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.homeserver.config.AppServiceConfig;
import org.matrixas.homeserver.config.HomeserverConfig;
import org.matrixas.protocol.client.AppServiceClient;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;

/**
 * The homeserver under load, shared by {@code send} and {@code push}. With {@code services} application services
 * registered (each with a room and namespace users in it), {@code connections} threads send {@code events}
 * messages through {@code PUT /rooms/{id}/send} with identity assertion and {@code ts} while the services hold
 * deliveries back; then the services open and the pipeline delivers the stored backlog. Each phase is followed
 * by its reference on a {@link BareServer}: the same sends from the same client, and the same transactions (as
 * {@code as-protocol} serialises them) pushed by the same {@link AppServiceClient}, one sender per service.
 */
final class HsLoad {
    private static final String SERVER = "bench.local";
    private static final Duration DELIVERY_DEADLINE = Duration.ofSeconds(180);

    record Result(int services, int events, double sendPerSecond, double sendReference, double pushPerSecond,
            double pushReference, double eventsPerTxn) {
    }

    private record Target(HomeserverClient client, RoomId room, UserId user) {
    }

    private HsLoad() {
    }

    static Result run(int services, int events, int connections) throws Exception {
        Path dir = Files.createTempDirectory("bench-hs");
        List<Registration> regs = new ArrayList<>();
        List<String> hsTokens = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            hsTokens.add("hs-" + UUID.randomUUID());
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try (AsFleet fleet = AsFleet.start(hsTokens);
                Homeserver hs = Homeserver.start(HomeserverConfig.builder().serverName(SERVER).dataDir(dir)
                        .listen("127.0.0.1", 0)
                        // A long back-off keeps the held-back services from being retried while the queue fills.
                        .appservice(AppServiceConfig.DEFAULT.withBackoff(Duration.ofMinutes(30), Duration.ofMinutes(30)))
                        .build());
                BareServer bare = BareServer.start()) {
            for (int i = 0; i < services; i++) {
                Registration r = Registration.builder().id("bench" + i).url(fleet.url(i))
                        .asToken("as-" + UUID.randomUUID()).hsToken(hsTokens.get(i)).senderLocalpart("bench" + i)
                        .namespaces(new Namespaces(List.of(Namespace.exclusive("@bench" + i + "_.*:bench\\.local")),
                                List.of(), List.of()))
                        .rateLimited(false).build();
                hs.registerAppService(r);
                regs.add(r);
            }
            List<Target> targets = setUp(hs.baseUrl(), regs, Math.max(1, connections / services), http);
            int warmup = Math.min(500, events / 10);
            sendAll(targets, warmup, connections);
            long sendNanos = sendAll(targets, events, connections);
            List<Target> bareTargets = targets.stream()
                    .map(t -> new Target(HomeserverClient.create(bare.baseUrl(), "as-bare", http).as(t.user), t.room, t.user))
                    .toList();
            sendAll(bareTargets, warmup, connections);
            long sendRefNanos = sendAll(bareTargets, events, connections);

            long expected = (long) warmup + events;
            long pushNanos = deliver(hs.baseUrl(), regs, fleet, expected, http);
            List<List<AsFleet.Received>> received = new ArrayList<>();
            for (int i = 0; i < services; i++) {
                received.add(fleet.received(i));
            }
            long txns = received.stream().mapToLong(List::size).sum();
            long[] refEvents = new long[1];
            long pushRefNanos = replay(bare.baseUrl(), received, http, refEvents);
            return new Result(services, events, perSecond(events, sendNanos), perSecond(events, sendRefNanos),
                    perSecond(expected, pushNanos), perSecond(refEvents[0], pushRefNanos),
                    txns == 0 ? 0 : (double) expected / txns);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static double perSecond(long count, long nanos) {
        return count / (nanos / 1e9);
    }

    /** A room per service (created by its bot) and {@code usersPer} namespace users joined to it. */
    private static List<Target> setUp(String baseUrl, List<Registration> regs, int usersPer, HttpClient http) {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < regs.size(); i++) {
            HomeserverClient bot = HomeserverClient.create(baseUrl, regs.get(i).asToken(), http);
            RoomId room = bot.createRoom(CreateRoomRequest.named("bench " + i).withPreset("public_chat"));
            for (int u = 0; u < usersPer; u++) {
                UserId user = bot.registerAppServiceUser("bench" + i + "_u" + u);
                HomeserverClient as = bot.as(user);
                as.join(room.toString());
                targets.add(new Target(as, room, user));
            }
        }
        // Interleave services so that consecutive sends go to different services and rooms.
        List<Target> mixed = new ArrayList<>();
        int per = usersPer;
        for (int u = 0; u < per; u++) {
            for (int i = 0; i < regs.size(); i++) {
                mixed.add(targets.get(i * per + u));
            }
        }
        return mixed;
    }

    /** Sends {@code count} messages from {@code connections} threads; returns the wall time in nanoseconds. */
    static long sendAll(List<Target> targets, int count, int connections) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        AtomicInteger next = new AtomicInteger();
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < connections; t++) {
                done.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        Target target = targets.get(n % targets.size());
                        target.client.send(target.room, "m.room.message",
                                Json.object().put("msgtype", "m.text").put("body", AsFleet.BODY_PREFIX + n),
                                System.currentTimeMillis());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Opens the services, pings each so its sender retries now, and waits for every bench event. */
    private static long deliver(String baseUrl, List<Registration> regs, AsFleet fleet, long expected,
            HttpClient http) throws InterruptedException {
        fleet.open();
        long start = System.nanoTime();
        // All at once: pinging a hundred services one after the other would be counted as pipeline time.
        ExecutorService pingers = Executors.newFixedThreadPool(Math.min(regs.size(), 32));
        try {
            List<Future<?>> pings = new ArrayList<>();
            for (Registration r : regs) {
                pings.add(pingers.submit(() -> HomeserverClient.create(baseUrl, r.asToken(), http)
                        .pingAppService(r.id(), null)));
            }
            for (Future<?> f : pings) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("ping failed", e.getCause());
        } finally {
            pingers.shutdownNow();
        }
        long deadline = start + DELIVERY_DEADLINE.toNanos();
        while (fleet.benchEvents() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pipeline delivered " + fleet.benchEvents() + " of " + expected
                        + " events within " + DELIVERY_DEADLINE);
            }
            TimeUnit.MICROSECONDS.sleep(200);
        }
        return System.nanoTime() - start;
    }

    /** Pushes what each service received to the bare server, one thread per service like the pipeline. */
    private static long replay(String bareUrl, List<List<AsFleet.Received>> received, HttpClient http,
            long[] events) throws Exception {
        List<List<byte[]>> bodies = new ArrayList<>();
        for (List<AsFleet.Received> r : received) {
            List<byte[]> b = new ArrayList<>();
            for (AsFleet.Received x : r) {
                b.add(Json.write(x.transaction()));
                events[0] += AsFleet.countBench(x.transaction());
            }
            bodies.add(b);
        }
        ExecutorService pool = Executors.newFixedThreadPool(received.size());
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                List<byte[]> mine = bodies.get(i);
                List<AsFleet.Received> ids = received.get(i);
                AppServiceClient client = AppServiceClient.builder().baseUrl(bareUrl).hsToken("hs-bare")
                        .httpClient(http).requestTimeout(Duration.ofSeconds(30)).build();
                done.add(pool.submit(() -> {
                    for (int k = 0; k < mine.size(); k++) {
                        client.pushTransaction(ids.get(k).txnId(), mine.get(k));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void deleteQuietly(Path root) {
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp folder is harmless.
        }
    }
}
