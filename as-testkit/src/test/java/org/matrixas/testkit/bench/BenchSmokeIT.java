package org.matrixas.testkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.protocol.json.Json;

/**
 * Checks that the benchmark harness still runs, at sizes too small to mean anything: it measures nothing. The
 * benchmarks that fork JVMs or need built jars ({@code puppets}, {@code startup}) are left to {@code bin/bench
 * --quick}.
 */
class BenchSmokeIT {
    private static final Set<String> KEYS = Set.of("name", "value", "unit", "reference", "ratio", "target", "met");

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void run_smokeScale_writesResultsWithEveryKey(@TempDir Path out) throws Exception {
        List<String> names = List.of("push", "send", "interest", "relay");

        List<Row> rows = Bench.run(Scale.SMOKE, names, Path.of("").toAbsolutePath(), out);

        JsonNode json = Json.tree(Files.readAllBytes(out.resolve("results.json")));
        assertTrue(json.isArray(), "results.json is a list");
        assertEquals(rows.size(), json.size());
        Set<String> benchmarks = new HashSet<>();
        for (JsonNode row : json) {
            Set<String> keys = new HashSet<>();
            row.fieldNames().forEachRemaining(keys::add);
            assertEquals(KEYS, keys, "keys of " + row);
            assertTrue(row.get("name").isTextual() && row.get("unit").isTextual(), row.toString());
            assertTrue(row.get("value").isNumber(), "measured: " + row);
            assertTrue(row.get("met").isBoolean() || row.get("met").isNull(), row.toString());
            benchmarks.add(row.get("name").asText().split("/")[0]);
        }
        assertEquals(Set.copyOf(names), benchmarks);
        Row push = rows.stream().filter(r -> r.name().equals("push/1as")).findFirst().orElseThrow();
        assertNotNull(push.reference(), "push has a same-run reference");
        assertFalse(push.target().isNone(), "push has a target");
    }
}
