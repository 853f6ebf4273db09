package org.matrixas.homeserver.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static String text(Metrics m) {
        return new String(m.scrape(), StandardCharsets.UTF_8);
    }

    @Test
    void scrape_recordedFigures_inTextFormat() {
        Metrics m = new Metrics();
        m.serviceGauges(() -> List.of(new ServiceGauges("irc", false, 3, Duration.ofSeconds(8), 42,
                Duration.ofMillis(1500))));
        m.pushed("irc", Duration.ofMillis(20), true, 7);
        m.pushed("irc", Duration.ofMillis(30), false, 0);
        m.queried("irc", "alias", Metrics.QueryOutcome.TIMEOUT, Duration.ofSeconds(3));
        m.httpRequest("PUT", "/_matrix/client/v3/rooms/{roomId}/send/{type}/{txnId}", 200);
        m.longPollStarted();
        String t = text(m);
        assertTrue(t.contains("matrixas_appservice_up{appservice=\"irc\"} 0.0"), t);
        assertTrue(t.contains("matrixas_appservice_consecutive_failures{appservice=\"irc\"} 3.0"), t);
        assertTrue(t.contains("matrixas_appservice_retry_delay_seconds{appservice=\"irc\"} 8.0"), t);
        assertTrue(t.contains("matrixas_appservice_queue_events{appservice=\"irc\"} 42.0"), t);
        assertTrue(t.contains("matrixas_appservice_oldest_undelivered_seconds{appservice=\"irc\"} 1.5"), t);
        assertTrue(t.contains("matrixas_appservice_transactions_delivered_total{appservice=\"irc\"} 1.0"), t);
        assertTrue(t.contains("matrixas_appservice_events_delivered_total{appservice=\"irc\"} 7.0"), t);
        assertTrue(t.contains("matrixas_appservice_push_duration_seconds_count{appservice=\"irc\",outcome=\"failure\"} 1"),
                t);
        assertTrue(t.contains("matrixas_appservice_query_duration_seconds_count{appservice=\"irc\",kind=\"alias\","
                + "outcome=\"timeout\"} 1"), t);
        assertTrue(t.contains("matrixas_http_requests_total{method=\"PUT\",route=\"/_matrix/client/v3/rooms/{roomId}"
                + "/send/{type}/{txnId}\",status=\"2xx\"} 1.0"), t);
        assertTrue(t.contains("matrixas_sync_long_polls_in_flight 1.0"), t);
    }

    @Test
    void forget_unregisteredService_seriesGone() {
        Metrics m = new Metrics();
        m.pushed("gone", Duration.ofMillis(1), true, 1);
        m.queried("gone", "user", Metrics.QueryOutcome.FOUND, Duration.ofMillis(1));
        m.forget("gone");
        assertFalse(text(m).contains("appservice=\"gone\""), text(m));
    }
}
