package org.matrixas.protocol.thirdparty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

class ThirdPartyTypesTest {

    @Test
    void user_serialised_withSpecNames() {
        JsonNode n = Json.tree(Json.write(new ThirdPartyUser(UserId.parse("@irc_bob:hs"), "irc",
                Map.of("nick", "bob"))));
        assertEquals("@irc_bob:hs", n.path("userid").asText());
        assertEquals("irc", n.path("protocol").asText());
        assertEquals("bob", n.path("fields").path("nick").asText());
    }

    @Test
    void location_serialised_withSpecNames() {
        JsonNode n = Json.tree(Json.write(new ThirdPartyLocation(RoomAlias.parse("#irc_#a:hs"), "irc", null)));
        assertEquals("#irc_#a:hs", n.path("alias").asText());
        assertEquals(0, n.path("fields").size());
    }

    @Test
    void protocol_fieldWithoutType_rejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ThirdPartyProtocol(
                List.of("nick"), List.of(), "", Map.of(), List.of()));
        assertEquals("field 'nick' has no entry in fieldTypes", e.getMessage());
    }

    @Test
    void protocol_serialised_withSpecNames() {
        ThirdPartyProtocol p = new ThirdPartyProtocol(List.of("nick"), List.of("channel"), null,
                Map.of("nick", new ThirdPartyFieldType(".+", "Bob"), "channel", new ThirdPartyFieldType("#.+", "#a")),
                List.of(new ThirdPartyInstance("Net", "mxc://hs/icon", Map.of("domain", "net"), "net")));
        JsonNode n = Json.tree(Json.write(p));
        assertEquals("nick", n.path("user_fields").get(0).asText());
        assertEquals("channel", n.path("location_fields").get(0).asText());
        assertEquals(".+", n.path("field_types").path("nick").path("regexp").asText());
        assertEquals("net", n.path("instances").get(0).path("network_id").asText());
        assertEquals("mxc://hs/icon", n.path("instances").get(0).path("icon").asText());
        assertEquals("", n.path("icon").asText());
    }
}
