package org.matrixas.testkit.bench;

import java.time.Duration;
import java.util.Locale;
import org.matrixas.testkit.ngircd.NgircdServer;

/**
 * {@code relay}: bridge latency both ways, IRC → Matrix (PRIVMSG written to the message seen by a syncing Matrix
 * client) and Matrix → IRC (send called to the line read by an IRC client), p50 and p99 at a fixed rate spread over
 * the channels, with the bridge's flood delay off, on the in-process IRC server and on ngircd. Reference: one HTTP
 * round trip to the homeserver plus one IRC line through the same IRC server, measured in the same rig.
 */
final class RelayBench implements Benchmark {
    static final Target P99 = Target.below(50, "ms");
    private static final Duration LOST_AS = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "relay";
    }

    @Override
    public String description() {
        return "bridge latency IRC->Matrix and Matrix->IRC, p50/p99, flood delay off, vs HTTP round trip + IRC line";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        measure(ctx, "inproc", false);
        if (ctx.scale().relayOnNgircd()) {
            if (NgircdServer.locate().isEmpty()) {
                unavailable(ctx, "ngircd", "ngircd is not installed (Debian: apt-get install ngircd)");
            } else {
                measure(ctx, "ngircd", true);
            }
        }
    }

    private void measure(BenchContext ctx, String mode, boolean ngircd) {
        Scale sc = ctx.scale();
        BenchContext.log("relay on %s: %d channels, %d senders each way", mode, sc.relayChannels(),
                sc.relayChannels() * RelayRig.SENDERS_PER_CHANNEL);
        try (RelayRig rig = RelayRig.start(ngircd, sc.relayChannels(), sc.relayWarmupRounds())) {
            int samples = sc == Scale.SMOKE ? 20 : 200;
            Latencies http = rig.httpRoundTrips(samples);
            Latencies irc = rig.ircLines(samples);
            BenchContext.log("reference: HTTP round trip p50 %.2f / p99 %.2f ms, IRC line p50 %.2f / p99 %.2f ms",
                    http.millis(50), http.millis(99), irc.millis(50), irc.millis(99));
            double ref50 = http.millis(50) + irc.millis(50);
            double ref99 = http.millis(99) + irc.millis(99);
            for (int rate : sc.relayRates()) {
                String p = "relay/" + mode + "/" + rate + "mps/";
                int[] lost = new int[1];
                Latencies toMatrix = rig.measure("i" + rate + "x", rig.ircToMatrix(), rig.seenOnMatrix(), rate,
                        sc.relayWindow(), LOST_AS, lost);
                add(ctx, p + "irc_to_matrix", toMatrix, lost[0], ref50, ref99);
                Latencies toIrc = rig.measure("m" + rate + "x", rig.matrixToIrc(), rig.seenOnIrc(), rate,
                        sc.relayWindow(), LOST_AS, lost);
                add(ctx, p + "matrix_to_irc", toIrc, lost[0], ref50, ref99);
            }
        } catch (Exception e) {
            e.printStackTrace(System.out);
            unavailable(ctx, mode, "failed: " + e.getMessage());
        }
    }

    private static void add(BenchContext ctx, String name, Latencies l, int lost, double ref50, double ref99) {
        String note = String.format(Locale.ROOT, "%d messages%s", l.count(), lost == 0 ? "" : ", " + lost + " lost");
        ctx.add(Row.of(name + ".p50", l.millis(50), "ms", ref50, Target.none()).withNote(note));
        ctx.add(Row.of(name + ".p99", l.millis(99), "ms", ref99, P99).withNote(note));
    }

    private static void unavailable(BenchContext ctx, String mode, String why) {
        for (int rate : ctx.scale().relayRates()) {
            for (String way : new String[] {"irc_to_matrix", "matrix_to_irc"}) {
                String n = "relay/" + mode + "/" + rate + "mps/" + way;
                ctx.add(Row.unavailable(n + ".p50", "ms", Target.none(), why));
                ctx.add(Row.unavailable(n + ".p99", "ms", P99, why));
            }
        }
    }
}
