package org.matrixas.homeserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.homeserver.config.MetricsConfig;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;
import org.matrixas.protocol.registration.RegistrationFiles;

/** {@code GET /metrics} over real HTTP: the figures move after pushes, failures, queries and requests. */
class MetricsIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    Path dir;
    private FakeAppService fake;
    private Path registration;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeAppService().hsToken("metrics-hs-token");
        registration = dir.resolve("bridge.yaml");
        RegistrationFiles.write(Registration.builder().id("bridge").url(fake.url()).asToken("metrics-as-token")
                .hsToken("metrics-hs-token").senderLocalpart("bridgebot")
                .namespaces(new Namespaces(List.of(Namespace.exclusive("@br_.*:localhost")), List.of(), List.of()))
                .build(), registration);
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private Homeserver start(boolean enabled) {
        return Homeserver.start(TestServers.config(dir.resolve("data")).addAppServiceConfigFile(registration)
                .metrics(new MetricsConfig(enabled)).build());
    }

    private static String scrape(Homeserver hs) throws Exception {
        TestServers.Answer a = TestServers.call("GET", hs.baseUrl() + "/metrics", null, (String) null);
        assertEquals(200, a.status(), a.body());
        return a.body();
    }

    /** The value of one series, e.g. {@code matrixas_appservice_up{appservice="bridge"}}. */
    private static OptionalDouble value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }

    private static String awaitValue(Homeserver hs, String series, DoublePredicate ok) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String text = scrape(hs);
        while (!(value(text, series).isPresent() && ok.test(value(text, series).getAsDouble()))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(series + " did not reach the expected value:\n" + text);
            }
            // A scrape is the only way to read the figure: poll it at a short interval until the deadline.
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(20));
            text = scrape(hs);
        }
        return text;
    }

    @Test
    void metrics_afterPushesAndFailure_figuresMove() throws Exception {
        try (Homeserver hs = start(true)) {
            String as = "{appservice=\"bridge\"}";
            HomeserverClient client = HomeserverClient.create(hs.baseUrl(), "metrics-as-token");
            RoomId room = client.createRoom(CreateRoomRequest.named("metered"));
            client.sendText(room, "one");
            String text = awaitValue(hs, "matrixas_appservice_transactions_delivered_total" + as, v -> v >= 1);
            assertEquals(1.0, value(text, "matrixas_appservice_up" + as).getAsDouble());
            assertTrue(value(text, "matrixas_appservice_events_delivered_total" + as).getAsDouble() >= 2, text);
            assertTrue(value(text, "matrixas_appservice_push_duration_seconds_count{appservice=\"bridge\","
                    + "outcome=\"success\"}").getAsDouble() >= 1, text);
            assertEquals(0.0, value(text, "matrixas_appservice_consecutive_failures" + as).getAsDouble());
            assertTrue(text.contains("# TYPE matrixas_appservice_push_duration_seconds histogram"), text);

            fake.failNext.set(1_000);
            client.sendText(room, "two");
            text = awaitValue(hs, "matrixas_appservice_consecutive_failures" + as, v -> v >= 1);
            assertEquals(0.0, value(text, "matrixas_appservice_up" + as).getAsDouble(), text);
            assertTrue(value(text, "matrixas_appservice_retry_delay_seconds" + as).getAsDouble() > 0, text);
            assertTrue(value(text, "matrixas_appservice_queue_events" + as).getAsDouble() >= 1, text);
            assertTrue(value(text, "matrixas_appservice_push_duration_seconds_count{appservice=\"bridge\","
                    + "outcome=\"failure\"}").getAsDouble() >= 1, text);
            text = awaitValue(hs, "matrixas_appservice_oldest_undelivered_seconds" + as, v -> v > 0);

            fake.failNext.set(0);
            text = awaitValue(hs, "matrixas_appservice_up" + as, v -> v == 1);
            awaitValue(hs, "matrixas_appservice_queue_events" + as, v -> v == 0);
            assertFalse(text.contains("metrics-as-token") || text.contains("metrics-hs-token"), "a token leaked");
        }
    }

    @Test
    void metrics_queriesRequestsAndLongPolls_counted() throws Exception {
        try (Homeserver hs = start(true)) {
            fake.onUser = u -> false;
            HomeserverClient client = HomeserverClient.create(hs.baseUrl(), "metrics-as-token");
            TestServers.Answer profile = TestServers.call("GET", hs.baseUrl() + "/_matrix/client/v3/profile/"
                    + "%40br_nobody%3Alocalhost", null, (String) null);
            assertEquals(404, profile.status(), profile.body());
            String text = scrape(hs);
            assertEquals(1.0, value(text, "matrixas_appservice_query_duration_seconds_count{appservice=\"bridge\","
                    + "kind=\"user\",outcome=\"404\"}").orElse(-1), text);
            assertTrue(value(text, "matrixas_http_requests_total{method=\"GET\","
                    + "route=\"/_matrix/client/v3/profile/{userId}\",status=\"4xx\"}").orElse(0) >= 1, text);

            String since = client.sync(null, Duration.ZERO).nextBatch();
            Thread poll = new Thread(() -> client.sync(since, Duration.ofSeconds(5)));
            poll.start();
            awaitValue(hs, "matrixas_sync_long_polls_in_flight", v -> v == 1);
            client.sendText(client.createRoom(CreateRoomRequest.named("wake")), "wake up");
            poll.join(WAIT.toMillis());
            text = awaitValue(hs, "matrixas_sync_long_polls_in_flight", v -> v == 0);
            assertTrue(value(text, "matrixas_http_requests_total{method=\"GET\",route=\"/unmatched\","
                    + "status=\"4xx\"}").isEmpty(), text);
            TestServers.call("GET", hs.baseUrl() + "/nowhere", null, (String) null);
            text = scrape(hs);
            assertEquals(1.0, value(text, "matrixas_http_requests_total{method=\"GET\",route=\"unmatched\","
                    + "status=\"4xx\"}").orElse(-1), text);
        }
    }

    @Test
    void metrics_disabled_404() throws Exception {
        try (Homeserver hs = start(false)) {
            TestServers.Answer a = TestServers.call("GET", hs.baseUrl() + "/metrics", null, (String) null);
            assertEquals(404, a.status());
            assertEquals("M_UNRECOGNIZED", a.errcode());
        }
    }
}
