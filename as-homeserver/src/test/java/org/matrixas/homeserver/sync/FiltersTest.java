package org.matrixas.homeserver.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.store.Database;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

class FiltersTest {
    @TempDir
    Path dir;
    private final UserId alice = UserId.parse("@alice:hs");

    @Test
    void resolve_storedIdOrInlineJson_timelineLimitRead() {
        try (Database db = Database.open(dir)) {
            Filters filters = new Filters(db);
            var f = Json.object();
            f.putObject("room").putObject("timeline").put("limit", 7);
            String id = filters.create(alice, f);
            assertEquals(7, Filters.timelineLimit(filters.resolve(alice, id)).orElseThrow());
            assertEquals(3, Filters.timelineLimit(filters.resolve(alice, "{\"room\":{\"timeline\":{\"limit\":3}}}"))
                    .orElseThrow());
            assertTrue(filters.get(UserId.parse("@bob:hs"), id).isEmpty(), "filters are per user");
            assertEquals(404, assertThrows(MatrixException.class, () -> filters.resolve(alice, "999")).httpStatus());
            assertEquals("M_NOT_JSON", assertThrows(MatrixException.class, () -> filters.resolve(alice, "{nope"))
                    .errcode());
        }
    }
}
