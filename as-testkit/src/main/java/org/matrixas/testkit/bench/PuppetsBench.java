package org.matrixas.testkit.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.bridge.irc.irc.IrcConnector;
import org.matrixas.bridge.irc.irc.IrcSession;
import org.matrixas.testkit.ngircd.NgircdServer;

/**
 * Connects {@code count} bridge puppets to an IRC server, all in ONE shared channel, and measures threads and heap
 * per connection beyond a baseline, and the time until all are registered and joined. The baseline is taken after
 * one warm-up puppet has connected and joined, so the fixed pool (event loop, scheduler) and class loading are
 * not counted per connection. It prints the figures and asserts nothing about time: run it from a benchmark
 * harness, or {@code main} ({@code count [host port] [shared|kicl]} or {@code count kicl}; without host it starts ngircd).
 */
public final class PuppetsBench {
    /** The channel every puppet joins. */
    public static final String CHANNEL = "#bench";
    private static final Duration SETTLE = Duration.ofMinutes(20);

    private PuppetsBench() {
    }

    /**
     * What one run measured.
     *
     * @param threadsPerConnection live threads added per puppet, beyond the baseline
     * @param heapBytesPerConnection used heap (after GC) added per puppet, beyond the baseline
     * @param connectMillis from the first connect to the last puppet joined to {@link #CHANNEL}
     */
    public record Result(String model, int count, int baselineThreads, int threads, long baselineHeapBytes,
            long heapBytes, double threadsPerConnection, long heapBytesPerConnection, long connectMillis) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s puppets=%d in one channel: threads %d -> %d (%.2f per connection),"
                    + " heap %.1f MB -> %.1f MB (%.1f KB per connection), all connected and joined in %d ms",
                    model, count, baselineThreads, threads, threadsPerConnection, baselineHeapBytes / 1e6,
                    heapBytes / 1e6, heapBytesPerConnection / 1024.0, connectMillis);
        }
    }

    /** Runs with the bridge's shared thread model. */
    public static Result run(int count, String host, int port) {
        return run(count, host, port, IrcConnector.Model.SHARED);
    }

    /** Runs with {@code model} (the bridge's, or KICL's defaults for comparison). */
    public static Result run(int count, String host, int port, IrcConnector.Model model) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        NetworkConfig network = NetworkConfig.of("bench", host, port);
        try (IrcConnector connector = IrcConnector.create(model)) {
            connectAll(connector, network, List.of("warmup"));
            int baseThreads = threads();
            long baseHeap = heapAfterGc();
            List<String> nicks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                nicks.add("pup" + i);
            }
            long start = System.nanoTime();
            List<IrcSession> sessions = connectAll(connector, network, nicks);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            int liveThreads = threads();
            long heap = heapAfterGc();
            Result r = new Result(model.name().toLowerCase(Locale.ROOT), sessions.size(), baseThreads, liveThreads,
                    baseHeap, heap, (liveThreads - baseThreads) / (double) count, (heap - baseHeap) / count, millis);
            System.out.println("PuppetsBench: " + r);
            return r;
        }
    }

    private static List<IrcSession> connectAll(IrcConnector connector, NetworkConfig network, List<String> nicks) {
        List<IrcSession> sessions = new ArrayList<>();
        List<CompletableFuture<Void>> joined = new ArrayList<>();
        for (String nick : nicks) {
            IrcSession s = connector.connectPuppet(network, nick);
            sessions.add(s);
            joined.add(s.joinAsync(CHANNEL));
        }
        try {
            CompletableFuture.allOf(joined.toArray(CompletableFuture[]::new)).get(SETTLE.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            long done = joined.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
            throw new IllegalStateException(done + " of " + nicks.size() + " puppets joined " + CHANNEL, e);
        }
        return sessions;
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        boolean kicl = args.length > 3 && args[3].equals("kicl") || args.length == 2 && args[1].equals("kicl");
        IrcConnector.Model model = kicl ? IrcConnector.Model.KICL_DEFAULTS : IrcConnector.Model.SHARED;
        if (args.length > 2) {
            run(count, args[1], Integer.parseInt(args[2]), model);
            return;
        }
        try (NgircdServer ngircd = NgircdServer.start(30)) {
            run(count, ngircd.host(), ngircd.port(), model);
        }
    }
}
