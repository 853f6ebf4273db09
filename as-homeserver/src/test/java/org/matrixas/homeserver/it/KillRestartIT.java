package org.matrixas.homeserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.homeserver.config.ConfigLoader;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;
import org.matrixas.protocol.registration.RegistrationFiles;

/** The runnable jar, killed with SIGKILL mid-delivery; the restarted homeserver resends and skips nothing. */
class KillRestartIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
    @TempDir
    Path dir;

    @Test
    void killNine_pendingTransaction_resentWithSameTxnIdAfterRestart() throws Exception {
        Path jar = Path.of(System.getProperty("basedir", "."), "target", "as-homeserver.jar");
        assertTrue(Files.exists(jar), "run through mvn verify so that " + jar + " exists");
        try (FakeAppService fake = new FakeAppService().hsToken("kill-hs")) {
            RegistrationFiles.write(Registration.builder().id("bridge").url(fake.url()).asToken("kill-as")
                    .hsToken("kill-hs").senderLocalpart("bridgebot")
                    .namespaces(new Namespaces(List.of(Namespace.exclusive("@br_.*:localhost")), List.of(), List.of()))
                    .build(), dir.resolve("bridge.yaml"));
            Path config = dir.resolve("homeserver.yaml");
            Files.writeString(config, """
                    server_name: localhost
                    listen: {host: 127.0.0.1, port: 0}
                    data_dir: data
                    app_service_config_files: [bridge.yaml]
                    appservice: {backoff_min_ms: 50, backoff_max_ms: 200}
                    """);
            fake.failNext.set(1_000_000);
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "--config", config.toString()).redirectErrorStream(true).start();
            FakeAppService.Attempt failed;
            EventId last;
            try {
                int port = awaitPort(p);
                HomeserverClient as = HomeserverClient.create("http://127.0.0.1:" + port, "kill-as");
                RoomId room = as.createRoom(CreateRoomRequest.named("durable"));
                failed = fake.next(WAIT);
                last = as.sendText(room, "after the pending one");
            } finally {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            fake.failNext.set(0);
            fake.attempts.clear();
            try (Homeserver hs = Homeserver.start(ConfigLoader.load(config))) {
                FakeAppService.Attempt resent = fake.next(WAIT);
                while (resent.failed()) {
                    resent = fake.next(WAIT);
                }
                assertEquals(failed.txnId(), resent.txnId());
                assertEquals(failed.transaction(), resent.transaction());
                if (resent.transaction().events().stream().noneMatch(e -> e.eventId().equals(last))) {
                    List<ClientEvent> rest = fake.eventsUntil(e -> e.eventId().equals(last), WAIT);
                    assertTrue(rest.stream().anyMatch(e -> e.eventId().equals(last)));
                }
            }
        }
    }

    /**
     * The acceptance test of the pipeline: a backlog of thousands of events, the homeserver process killed with
     * SIGKILL while a push is in flight (the service has processed it but not answered) and while a client is still
     * sending; after a restart on the same data_dir the service has, after de-duplication by txnId, every event
     * the homeserver accepted exactly once and in stream order.
     */
    @Test
    void killNine_midPushOfThousands_everyAcceptedEventOnceInOrder() throws Exception {
        Path jar = Path.of(System.getProperty("basedir", "."), "target", "as-homeserver.jar");
        assertTrue(Files.exists(jar), "run through mvn verify so that " + jar + " exists");
        try (RecordingAppService rec = new RecordingAppService()) {
            Path config = writeConfig(rec.url(), "crash-as", "crash-hs");
            rec.holdAt = 5;
            Process p = startJar(jar, config);
            List<EventId> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread sender;
            try {
                HomeserverClient as = HomeserverClient.create("http://127.0.0.1:" + awaitPort(p), "crash-as");
                RoomId room = as.createRoom(CreateRoomRequest.named("backlog"));
                for (int i = 0; i < BACKLOG; i++) {
                    accepted.add(as.sendText(room, "m" + i));
                }
                sender = new Thread(() -> {
                    for (int i = BACKLOG; i < BACKLOG + 2_000; i++) {
                        try {
                            accepted.add(as.sendText(room, "m" + i));
                        } catch (RuntimeException e) {
                            return;
                        }
                    }
                }, "still-sending");
                rec.accepting = true;
                sender.start();
                assertTrue(rec.holding.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the fifth push never arrived");
            } finally {
                // Process.destroyForcibly is SIGKILL on Linux: no shutdown hook, no flush, like kill -9.
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            sender.join(TimeUnit.SECONDS.toMillis(30));
            assertTrue(rec.events().size() < accepted.size(), "the kill must come before the backlog drained");
            rec.release();
            try (Homeserver hs = Homeserver.start(ConfigLoader.load(config))) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (messages(rec).size() < accepted.size() && System.nanoTime() < deadline) {
                    rec.awaitMore(Duration.ofMillis(200));
                }
            }
            assertSameSequence(accepted, messages(rec));
            assertTrue(rec.duplicates() >= 1, "the push in flight at the kill is re-sent");
            assertEquals(List.of(), rec.mismatches(), "a re-sent txnId carries the same bytes");
            List<Long> ids = rec.txnIds().stream().map(Long::parseLong).toList();
            for (int i = 1; i < ids.size(); i++) {
                assertTrue(ids.get(i) > ids.get(i - 1), "txnIds only grow: " + ids);
            }
        }
    }

    private static final int BACKLOG = 2_000;

    /**
     * {@code actual} starts with {@code expected} and has no duplicate; it may hold one more event: the send in
     * flight at the kill, committed by the homeserver before the client saw the answer. The failure message says
     * where the lists part instead of printing thousands of IDs.
     */
    private static void assertSameSequence(List<EventId> expected, List<EventId> actual) {
        boolean prefix = actual.size() >= expected.size() && actual.subList(0, expected.size()).equals(expected);
        if (prefix && actual.size() - expected.size() <= 1 && actual.stream().distinct().count() == actual.size()) {
            return;
        }
        int i = 0;
        while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
            i++;
        }
        long distinct = actual.stream().distinct().count();
        throw new AssertionError("every accepted event once, in stream order: expected " + expected.size()
                + " events, got " + actual.size() + " (" + distinct + " distinct); first difference at index " + i
                + ": expected " + (i < expected.size() ? expected.get(i) : "nothing") + ", got "
                + (i < actual.size() ? actual.get(i) : "nothing"));
    }

    private static List<EventId> messages(RecordingAppService rec) {
        return rec.events().stream().filter(e -> e.type().equals("m.room.message")).map(ClientEvent::eventId).toList();
    }

    private Path writeConfig(String url, String asToken, String hsToken) throws Exception {
        RegistrationFiles.write(Registration.builder().id("bridge").url(url).asToken(asToken).hsToken(hsToken)
                .senderLocalpart("bridgebot")
                .namespaces(new Namespaces(List.of(Namespace.exclusive("@br_.*:localhost")), List.of(), List.of()))
                .build(), dir.resolve("bridge.yaml"));
        Path config = dir.resolve("homeserver.yaml");
        Files.writeString(config, """
                server_name: localhost
                listen: {host: 127.0.0.1, port: 0}
                data_dir: data
                app_service_config_files: [bridge.yaml]
                appservice: {backoff_min_ms: 50, backoff_max_ms: 200}
                """);
        return config;
    }

    private static Process startJar(Path jar, Path config) throws java.io.IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--config", config.toString()).redirectErrorStream(true).start();
    }

    private static int awaitPort(Process p) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // The process died; the deadline below reports it.
            }
        }, "homeserver-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + WAIT.toNanos();
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("the homeserver did not start; output:\n" + seen);
    }
}
