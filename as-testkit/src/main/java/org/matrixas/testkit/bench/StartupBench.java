package org.matrixas.testkit.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.homeserver.config.HomeserverConfig;
import org.matrixas.testkit.irc.IrcServer;

/**
 * {@code startup}: wall time from starting the homeserver (and the bridge, with a homeserver and an IRC server
 * already up) to the first 200 from {@code /health}, median of a few starts, against a JVM that starts a bare
 * Undertow {@code /health} ({@link HealthStub}). The headline rows start the processes the way {@code
 * bin/as-homeserver} and {@code bin/as-bridge-irc} do, with the AppCDS archive their first run records (that
 * recording start is not measured); the {@code -plain} rows (full runs only) are {@code java -jar} without it.
 */
final class StartupBench implements Benchmark {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String AS_TOKEN = "bench-startup-token";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String description() {
        return "process start to /health 200: homeserver and bridge jars, vs a bare Undertow JVM";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        Path hsJar = ctx.root().resolve("as-homeserver/target/as-homeserver.jar");
        Path bridgeJar = ctx.root().resolve("as-bridge-irc/target/as-bridge-irc.jar");
        Path toolsJar = ctx.root().resolve("as-testkit/target/as-testkit-tools.jar");
        Target hsTarget = Target.below(1000, "ms");
        Target bridgeTarget = Target.below(2000, "ms");
        if (!Files.isRegularFile(toolsJar)) {
            String why = "not built: " + toolsJar + " (mvn -DskipTests package)";
            ctx.add(Row.unavailable("startup/homeserver", "ms", hsTarget, why));
            ctx.add(Row.unavailable("startup/bridge", "ms", bridgeTarget, why));
            return;
        }
        int repeats = ctx.scale().startupRepeats();
        embedded(ctx, repeats);
        double reference = median(repeats, () -> {
            int port = freePort();
            return timeToHealth(List.of(java(), "-cp", toolsJar.toString(), HealthStub.class.getName(), "" + port),
                    port);
        });
        BenchContext.log("reference JVM + Undertow to /health: %.0f ms", reference);
        if (Files.isRegularFile(hsJar)) {
            List<String> launcher = launcher(ctx, hsJar);
            homeserver(launcher);
            ctx.add(Row.of("startup/homeserver", median(repeats, () -> homeserver(launcher)), "ms", reference,
                    hsTarget).withNote("bin/as-homeserver with its AppCDS archive, median of " + repeats));
            if (ctx.scale() == Scale.FULL) {
                List<String> plain = List.of(java(), "-jar", hsJar.toString());
                ctx.add(Row.of("startup/homeserver-plain", median(repeats, () -> homeserver(plain)), "ms", reference,
                        hsTarget).withNote("java -jar without the archive, median of " + repeats));
            }
        } else {
            ctx.add(Row.unavailable("startup/homeserver", "ms", hsTarget, "not built: " + hsJar));
        }
        if (Files.isRegularFile(bridgeJar)) {
            List<String> launcher = launcher(ctx, bridgeJar);
            ctx.add(Row.of("startup/bridge", bridge(launcher, repeats, true), "ms", reference, bridgeTarget)
                    .withNote("bin/as-bridge-irc with its AppCDS archive, median of " + repeats
                            + "; homeserver and IRC server already up"));
            if (ctx.scale() == Scale.FULL) {
                List<String> plain = List.of(java(), "-jar", bridgeJar.toString());
                ctx.add(Row.of("startup/bridge-plain", bridge(plain, repeats, false), "ms", reference,
                        bridgeTarget).withNote("java -jar without the archive, median of " + repeats));
            }
        } else {
            ctx.add(Row.unavailable("startup/bridge", "ms", bridgeTarget, "not built: " + bridgeJar));
        }
    }

    /** {@code bin/lib/launch JAR} with a fresh archive: any archive left from an earlier build is removed first. */
    private static List<String> launcher(BenchContext ctx, Path jar) throws IOException {
        String name = jar.getFileName().toString();
        Files.deleteIfExists(jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa"));
        return List.of("bash", ctx.root().resolve("bin/lib/launch").toString(), jar.toString());
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private double homeserver(List<String> command) throws Exception {
        Path dir = Files.createTempDirectory("bench-startup-hs");
        int port = freePort();
        Path config = dir.resolve("homeserver.yaml");
        Files.writeString(config, """
                server_name: bench.local
                listen: {host: 127.0.0.1, port: %d}
                data_dir: data
                registration_api: {as_tokens: [%s]}
                """.formatted(port, AS_TOKEN));
        try {
            return timeToHealth(with(command, "--config", config.toString()), port);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static List<String> with(List<String> command, String... args) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(args));
        return all;
    }

    /** Median of {@code repeats} bridge starts; with {@code recordFirst}, one unmeasured start records the archive. */
    private double bridge(List<String> command, int repeats, boolean recordFirst) throws Exception {
        Path dir = Files.createTempDirectory("bench-startup-bridge");
        try (IrcServer irc = IrcServer.builder().port(0).build().start();
                Homeserver hs = Homeserver.start(HomeserverConfig.builder().serverName("bench.local")
                        .dataDir(dir.resolve("hs")).listen("127.0.0.1", 0)
                        .registrationApiTokens(List.of(AS_TOKEN)).build())) {
            Measure once = () -> {
                Path run = Files.createTempDirectory(dir, "bridge");
                int port = freePort();
                Path config = run.resolve("bridge.yaml");
                Files.writeString(config, """
                        homeserver: {url: "%s", domain: bench.local}
                        appservice: {host: 127.0.0.1, port: %d, as_token: %s, register_via_api: true}
                        data_dir: data
                        networks:
                          - domain: irc.bench
                            host: 127.0.0.1
                            port: %d
                            channels: ["#bench"]
                        """.formatted(hs.baseUrl(), port, AS_TOKEN, irc.port()));
                return timeToHealth(with(command, "--config", config.toString()), port);
            };
            if (recordFirst) {
                once.once();
            }
            return median(repeats, once);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path root) {
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp folder is harmless.
        }
    }

    /** Starts {@code command}, polls {@code /health} every few milliseconds, kills the process; milliseconds. */
    private double timeToHealth(List<String> cmd, int port) throws Exception {
        Path log = Files.createTempFile("bench-startup", ".log");
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            while (System.nanoTime() - start < LIMIT.toNanos()) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("exited with " + p.exitValue() + ": " + tail(log));
                }
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return (System.nanoTime() - start) / 1e6;
                    }
                } catch (IOException notYet) {
                    // Not listening yet.
                }
                TimeUnit.MILLISECONDS.sleep(5);
            }
            throw new IllegalStateException("no 200 from /health within " + LIMIT + ": " + tail(log));
        } finally {
            // TERM lets a recording launcher write its archive (which takes a few seconds) before it exits.
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(log);
        }
    }

    private static String tail(Path log) throws IOException {
        String s = Files.readString(log);
        return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
    }

    /**
     * What a test kit pays: {@code Homeserver.start} inside a running JVM (classes loaded, as from the second test
     * on) to a listening server, against starting a bare Undertow listener in the same JVM.
     */
    private static void embedded(BenchContext ctx, int repeats) throws Exception {
        double reference = median(repeats, () -> {
            long t0 = System.nanoTime();
            io.undertow.Undertow u = io.undertow.Undertow.builder().addHttpListener(0, "127.0.0.1")
                    .setHandler(ex -> ex.getResponseSender().send("ok")).build();
            u.start();
            double ms = (System.nanoTime() - t0) / 1e6;
            u.stop();
            return ms;
        });
        double value = median(repeats + 1, () -> {
            Path dir = Files.createTempDirectory("bench-embedded-hs");
            long t0 = System.nanoTime();
            try (Homeserver hs = Homeserver.start(HomeserverConfig.builder().serverName("bench.local")
                    .dataDir(dir).listen("127.0.0.1", 0).enableRegistration(true).build())) {
                return (System.nanoTime() - t0) / 1e6;
            }
        });
        ctx.add(Row.of("startup/homeserver-embedded", value, "ms", reference, Target.below(1000, "ms"))
                .withNote("Homeserver.start in a warm JVM (the test kit's case), median of " + (repeats + 1)));
    }

    interface Measure {
        double once() throws Exception;
    }

    private static double median(int n, Measure m) throws Exception {
        List<Double> xs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            xs.add(m.once());
        }
        xs.sort(Double::compare);
        return xs.get(xs.size() / 2);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
