package org.matrixas.bridge.irc.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.matrixas.bridge.irc.config.ChannelMapping;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.protocol.id.RoomId;

class FixedMappingsTest {
    private static final RoomId A = RoomId.parse("!a:hs");
    private static final RoomId B = RoomId.parse("!b:hs");
    private static final RoomId C = RoomId.parse("!c:hs");
    private static final NetworkConfig NET = NetworkConfig.of("irc.example.org", "127.0.0.1", 6667)
            .withMappings(List.of(new ChannelMapping("#Pub", List.of("!a:hs", "!b:hs"), "sekrit"),
                    new ChannelMapping("#other", List.of("!b:hs", "!c:hs"), null)));
    private final FixedMappings fixed = new NetworkMapping(NET, "hs").fixed();

    @Test
    void rooms_channelAnyCase_configuredRoomsInOrder() {
        assertEquals(List.of(A, B), fixed.rooms("#pub"));
        assertEquals(List.of(A, B), fixed.rooms("#PUB"));
        assertEquals(List.of(), fixed.rooms("#unmapped"));
    }

    @Test
    void roomUnderTwoChannels_belongsToTheFirst() {
        assertEquals(List.of(C), fixed.rooms("#other"));
        assertEquals(Optional.of(new ChannelRef("irc.example.org", "#Pub")), fixed.channelOf(B));
        assertEquals(Map.of(A, new ChannelRef("irc.example.org", "#Pub"), B, new ChannelRef("irc.example.org",
                "#Pub"), C, new ChannelRef("irc.example.org", "#other")), fixed.all());
    }

    @Test
    void keyOf_mappedChannelWithKey_keyElseNull() {
        assertEquals("sekrit", FixedMappings.keyOf(NET, "#PUB"));
        assertNull(FixedMappings.keyOf(NET, "#other"));
        assertNull(FixedMappings.keyOf(NET, "#nope"));
        assertEquals(List.of("#Pub", "#other"), fixed.channels());
    }

    @Test
    void mappings_fixedChannelOf_searchesEveryNetwork() {
        assertEquals(Optional.empty(), new Mappings(MappingsTest.CONFIG).fixedChannelOf(A));
    }
}
