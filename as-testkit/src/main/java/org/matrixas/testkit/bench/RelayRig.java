package org.matrixas.testkit.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.matrixas.bridge.irc.IrcBridge;
import org.matrixas.bridge.irc.config.AppServiceConfig;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.FloodConfig;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.homeserver.config.HomeserverConfig;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.SyncResponse;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;
import org.matrixas.testkit.irc.IrcServer;
import org.matrixas.testkit.ngircd.NgircdServer;

/**
 * An IRC server (in-process or ngircd), a homeserver and the bridge (flood delay off) with {@code channels}
 * bridged rooms, three IRC users and three Matrix users per channel, a Matrix observer in every room that syncs
 * continuously, and an IRC watcher in every channel. Every message text is unique, and the instant it is sent and
 * the instant it arrives on the other side are recorded by text.
 */
final class RelayRig implements AutoCloseable {
    static final String SERVER = "bench.local";
    static final String NETWORK = "irc.bench";
    static final int SENDERS_PER_CHANNEL = 3;
    private static final Duration SETTLE = Duration.ofSeconds(90);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, Long> seenOnMatrix = new ConcurrentHashMap<>();
    private final Map<String, Long> seenOnIrc = new ConcurrentHashMap<>();
    private final List<RoomId> rooms = new ArrayList<>();
    private final List<HomeserverClient> matrixSenders = new ArrayList<>();
    private final List<IrcProbe> ircSenders = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService sendPool = Executors.newFixedThreadPool(16);
    private final int channels;
    private Homeserver hs;
    private IrcProbe watcher;
    private volatile boolean syncing = true;
    private Thread syncLoop;

    /** Sends message {@code k} with text {@code text} from the sender and channel that {@code k} selects. */
    interface Send {
        void send(int k, String text);
    }

    private RelayRig(int channels) {
        this.channels = channels;
    }

    static RelayRig start(boolean ngircd, int channels, int warmupRounds) throws Exception {
        RelayRig rig = new RelayRig(channels);
        try {
            rig.startAll(ngircd);
            rig.warmUp(warmupRounds);
            return rig;
        } catch (Exception | Error e) {
            rig.close();
            throw e;
        }
    }

    int senders() {
        return channels * SENDERS_PER_CHANNEL;
    }

    private void startAll(boolean ngircd) throws Exception {
        String ircHost;
        int ircPort;
        if (ngircd) {
            NgircdServer s = add(NgircdServer.start(30));
            ircHost = s.host();
            ircPort = s.port();
        } else {
            IrcServer s = add(IrcServer.builder().port(0).nickLen(30).build().start());
            ircHost = s.host();
            ircPort = s.port();
        }
        Path dir = Files.createTempDirectory("bench-relay");
        add(() -> deleteQuietly(dir));
        String bridgeToken = "bridge-" + UUID.randomUUID();
        hs = add(Homeserver.start(HomeserverConfig.builder().serverName(SERVER).dataDir(dir.resolve("hs"))
                .listen("127.0.0.1", 0).registrationApiTokens(List.of(bridgeToken)).build()));
        Registration users = Registration.builder().id("bench-users").asToken("users-" + UUID.randomUUID())
                .hsToken("unused-" + UUID.randomUUID()).senderLocalpart("bench-users")
                .namespaces(new Namespaces(List.of(Namespace.exclusive("@mx[a-z0-9]+:bench\\.local")), List.of(),
                        List.of()))
                .rateLimited(false).build();
        hs.registerAppService(users);
        List<String> channelNames = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            channelNames.add("#c" + c);
        }
        NetworkConfig network = NetworkConfig.of(NETWORK, ircHost, ircPort).withChannels(channelNames)
                .withFlood(FloodConfig.unlimited());
        IrcBridge bridge = add(IrcBridge.start(BridgeConfig.of(
                org.matrixas.bridge.irc.config.HomeserverConfig.of(hs.baseUrl(), SERVER),
                AppServiceConfig.of(bridgeToken, null).withPort(0), dir.resolve("bridge"), List.of(network))));
        if (!bridge.awaitHealthy(Duration.ofSeconds(30))) {
            throw new IllegalStateException("the bridge did not become healthy within 30 s");
        }
        HomeserverClient usersBot = HomeserverClient.create(hs.baseUrl(), users.asToken(), http);
        HomeserverClient observer = usersBot.as(usersBot.registerAppServiceUser("mxobserver"));
        for (String ch : channelNames) {
            rooms.add(observer.join("#" + NETWORK + "/" + ch + ":" + SERVER));
        }
        for (int s = 0; s < senders(); s++) {
            UserId u = usersBot.registerAppServiceUser("mx" + s);
            HomeserverClient c = usersBot.as(u);
            c.join(rooms.get(s % channels).toString());
            matrixSenders.add(c);
        }
        watcher = add(IrcProbe.connect(ircHost, ircPort, "watch", (text, at) -> seenOnIrc.putIfAbsent(text, at)));
        for (String ch : channelNames) {
            watcher.join(ch);
        }
        for (int s = 0; s < senders(); s++) {
            IrcProbe p = add(IrcProbe.connect(ircHost, ircPort, "irc" + s, (text, at) -> { }));
            p.join(channelNames.get(s % channels));
            ircSenders.add(p);
        }
        startSync(observer);
    }

    private void startSync(HomeserverClient observer) {
        String first = observer.sync(null, Duration.ZERO).nextBatch();
        syncLoop = new Thread(() -> {
            String since = first;
            while (syncing) {
                try {
                    SyncResponse r = observer.sync(since, Duration.ofSeconds(2));
                    long now = System.nanoTime();
                    for (SyncResponse.JoinedRoom room : r.joined().values()) {
                        for (ClientEvent e : room.timeline()) {
                            e.contentString("body").ifPresent(b -> seenOnMatrix.putIfAbsent(b, now));
                        }
                    }
                    since = r.nextBatch();
                } catch (RuntimeException e) {
                    if (syncing) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                    }
                }
            }
        }, "bench-relay-sync");
        syncLoop.setDaemon(true);
        syncLoop.start();
        add(() -> {
            syncing = false;
            syncLoop.join(5000);
        });
    }

    /** Every sender speaks a few times each way, so puppets are connected and virtual users exist. */
    private void warmUp(int rounds) {
        for (int round = 0; round < rounds; round++) {
            List<String> toIrc = new ArrayList<>();
            List<String> toMatrix = new ArrayList<>();
            for (int s = 0; s < senders(); s++) {
                String t = "warm" + round + "m" + s;
                toIrc.add(t);
                matrixSenders.get(s).send(rooms.get(s % channels), "m.room.message", text(t), null);
                String u = "warm" + round + "i" + s;
                toMatrix.add(u);
                ircSenders.get(s).privmsg("#c" + (s % channels), u);
            }
            Await.until(() -> seenOnIrc.keySet().containsAll(toIrc), SETTLE, "warm-up lines on IRC (round " + round
                    + "): " + missing(toIrc, seenOnIrc));
            Await.until(() -> seenOnMatrix.keySet().containsAll(toMatrix), SETTLE,
                    "warm-up lines on Matrix (round " + round + "): " + missing(toMatrix, seenOnMatrix));
        }
    }

    private static String missing(List<String> texts, Map<String, Long> seen) {
        return texts.stream().filter(t -> !seen.containsKey(t)).limit(5).toList() + " missing";
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode text(String body) {
        return Json.object().put("msgtype", "m.text").put("body", body);
    }

    /** IRC → Matrix: PRIVMSG from IRC user {@code k % senders} to its channel. */
    Send ircToMatrix() {
        return (k, t) -> {
            int s = k % senders();
            ircSenders.get(s).privmsg("#c" + (s % channels), t);
        };
    }

    /** Matrix → IRC: a send from Matrix user {@code k % senders} to its room. */
    Send matrixToIrc() {
        return (k, t) -> {
            int s = k % senders();
            matrixSenders.get(s).send(rooms.get(s % channels), "m.room.message", text(t), null);
        };
    }

    Map<String, Long> seenOnMatrix() {
        return seenOnMatrix;
    }

    Map<String, Long> seenOnIrc() {
        return seenOnIrc;
    }

    /**
     * Sends {@code rate} messages a second for {@code window} on a fixed schedule (open loop: a slow answer does
     * not slow the sender), then waits for stragglers; a message that never arrives counts as {@code lostAs}.
     */
    Latencies measure(String prefix, Send send, Map<String, Long> seen, int rate, Duration window, Duration lostAs,
            int[] lost) throws InterruptedException {
        int count = (int) Math.max(1, rate * window.toMillis() / 1000);
        AtomicLongArray sent = new AtomicLongArray(count);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long t0 = System.nanoTime();
        for (int k = 0; k < count; k++) {
            long due = t0 + k * interval;
            for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                LockSupport.parkNanos(due - now);
            }
            int key = k;
            sendPool.execute(() -> {
                sent.set(key, System.nanoTime());
                send.send(key, prefix + key);
            });
        }
        long deadline = System.nanoTime() + lostAs.toNanos();
        while (System.nanoTime() < deadline && !allSeen(prefix, count, seen)) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        long[] lat = new long[count];
        lost[0] = 0;
        for (int k = 0; k < count; k++) {
            Long at = seen.get(prefix + k);
            if (at == null || sent.get(k) == 0) {
                lost[0]++;
                lat[k] = lostAs.toNanos();
            } else {
                lat[k] = at - sent.get(k);
            }
        }
        return new Latencies(lat);
    }

    private static boolean allSeen(String prefix, int count, Map<String, Long> seen) {
        for (int k = count - 1; k >= 0; k--) {
            if (!seen.containsKey(prefix + k)) {
                return false;
            }
        }
        return true;
    }

    /** One HTTP round trip to the homeserver ({@code GET /_matrix/client/versions}), {@code n} times. */
    Latencies httpRoundTrips(int n) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(hs.baseUrl() + "/_matrix/client/versions")).build();
        long[] lat = new long[n];
        for (int i = -n / 5; i < n; i++) {
            long t = System.nanoTime();
            http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (i >= 0) {
                lat[i] = System.nanoTime() - t;
            }
            TimeUnit.MILLISECONDS.sleep(2);
        }
        return new Latencies(lat);
    }

    /** One IRC line from an IRC user to the watcher, through the same IRC server, {@code n} times. */
    Latencies ircLines(int n) throws InterruptedException {
        long[] lat = new long[n];
        for (int i = -n / 5; i < n; i++) {
            // Rotate senders: ngircd delays a client that sends more than a few lines a second.
            IrcProbe from = ircSenders.get(Math.floorMod(i, ircSenders.size()));
            String t = "refline" + i;
            long start = System.nanoTime();
            from.privmsg(watcher.nick(), t);
            while (!seenOnIrc.containsKey(t)) {
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(10)) {
                    throw new IllegalStateException("reference IRC line " + t + " not received within 10 s");
                }
                LockSupport.parkNanos(20_000);
            }
            if (i >= 0) {
                lat[i] = seenOnIrc.get(t) - start;
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return new Latencies(lat);
    }

    private <T extends AutoCloseable> T add(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public void close() {
        sendPool.shutdownNow();
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                // Keep closing the rest.
            }
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
