package org.matrixas.bridge.irc.thirdparty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.matrixas.bridge.irc.config.AppServiceConfig;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.HomeserverConfig;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.thirdparty.ThirdPartyLocation;
import org.matrixas.protocol.thirdparty.ThirdPartyProtocol;
import org.matrixas.protocol.thirdparty.ThirdPartyUser;

class IrcThirdPartyTest {
    private final IrcThirdParty tp = new IrcThirdParty(new Mappings(BridgeConfig.of(
            HomeserverConfig.of("http://127.0.0.1:8008", "hs"), AppServiceConfig.of("a", "h"), Path.of("data"),
            List.of(NetworkConfig.of("irc.example.org", "127.0.0.1", 6667),
                    NetworkConfig.of("other.net", "127.0.0.1", 6668)))));

    @Test
    void protocol_irc_networksAsInstances() {
        ThirdPartyProtocol p = tp.protocol("irc").orElseThrow();
        assertEquals(List.of("domain", "nick"), p.userFields());
        assertEquals(List.of("domain", "channel"), p.locationFields());
        assertEquals(List.of("irc.example.org", "other.net"), p.instances().stream().map(i -> i.networkId()).toList());
        assertEquals(Map.of("domain", "other.net"), p.instances().get(1).fields());
        assertTrue(tp.protocol("xmpp").isEmpty());
    }

    @Test
    void locations_domainAndChannel_aliasOfThatNetwork() {
        ThirdPartyLocation l = tp.locations("irc", Map.of("domain", "other.net", "channel", "#Chan")).get(0);
        assertEquals(RoomAlias.parse("#other.net/#Chan:hs"), l.alias());
        assertEquals(Map.of("domain", "other.net", "channel", "#Chan"), l.fields());
        assertEquals(List.of(), tp.locations("irc", Map.of("domain", "nowhere", "channel", "#c")));
        assertEquals(List.of(), tp.locations("irc", Map.of("domain", "other.net", "channel", "nochan")));
        assertEquals(List.of(), tp.locations("xmpp", Map.of()));
    }

    @Test
    void users_domainAndNick_virtualUser() {
        ThirdPartyUser u = tp.users("irc", Map.of("domain", "irc.example.org", "nick", "Bob")).get(0);
        assertEquals(UserId.parse("@irc.example.org/_bob:hs"), u.userId());
        assertEquals(List.of(), tp.users("irc", Map.of("domain", "irc.example.org", "nick", "#no")));
    }

    @Test
    void lookups_missingField_400MissingParam() {
        MatrixException e = assertThrows(MatrixException.class, () -> tp.users("irc", Map.of("nick", "bob")));
        assertEquals("M_MISSING_PARAM", e.errcode());
        assertEquals(400, e.httpStatus());
    }

    @Test
    void reverse_aliasAndVirtualUser_mappedBackOrEmpty() {
        assertEquals(Map.of("domain", "irc.example.org", "channel", "#a"),
                tp.locationsFor(RoomAlias.parse("#irc.example.org/#a:hs")).get(0).fields());
        assertEquals("Bob", tp.usersFor(UserId.parse("@other.net/_bob:hs")).get(0).fields().get("nick"));
        assertEquals(List.of(), tp.usersFor(UserId.parse("@alice:hs")));
        assertEquals(List.of(), tp.locationsFor(RoomAlias.parse("#random:hs")));
    }
}
