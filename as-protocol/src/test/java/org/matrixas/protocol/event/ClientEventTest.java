package org.matrixas.protocol.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.json.Json;

class ClientEventTest {
    private static final String EVENT = """
            {"event_id":"$e1","type":"m.room.message","sender":"@alice:hs","room_id":"!r:hs",
             "origin_server_ts":1421416883133,"content":{"msgtype":"m.text","body":"hi!"},
             "unsigned":{"age":5},"future_field":{"nested":[1,2,3]}}""";

    @Test
    void read_unknownFields_keptAndWrittenBack() throws Exception {
        ClientEvent event = Json.mapper().readValue(EVENT, ClientEvent.class);
        assertEquals("hi!", event.contentString("body").orElseThrow());
        assertEquals(1421416883133L, event.originServerTs());
        JsonNode back = Json.mapper().readTree(Json.writeString(event));
        assertEquals(Json.mapper().readTree(EVENT), back);
    }

    @Test
    void transaction_roundTrip_keepsOrderAndEphemeral() throws Exception {
        String body = "{\"events\":[" + EVENT + "," + EVENT.replace("$e1", "$e2") + "],"
                + "\"ephemeral\":[{\"type\":\"m.typing\",\"room_id\":\"!r:hs\",\"content\":{\"user_ids\":[]}}]}";
        Transaction txn = Json.mapper().readValue(body, Transaction.class);
        assertEquals("$e1", txn.events().get(0).eventId().toString());
        assertEquals("$e2", txn.events().get(1).eventId().toString());
        assertEquals(1, txn.ephemeral().size());
        assertEquals(Json.mapper().readTree(body), Json.mapper().readTree(Json.write(txn)));
    }

    @Test
    void transaction_unstableEphemeralKey_read() throws Exception {
        Transaction txn = Json.mapper().readValue(
                "{\"events\":[],\"de.sorunome.msc2409.ephemeral\":[{\"type\":\"m.typing\"}]}", Transaction.class);
        assertEquals(1, txn.ephemeral().size());
        assertTrue(Json.writeString(Transaction.of(java.util.List.of())).contains("\"events\":[]"));
    }

    @Test
    void read_missingSender_rejected() {
        assertThrows(Exception.class, () -> Json.mapper().readValue(
                "{\"event_id\":\"$e\",\"type\":\"t\",\"room_id\":\"!r:hs\"}", ClientEvent.class));
    }
}
