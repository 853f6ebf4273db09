package org.matrixas.bridge.irc.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;

class NetworkMappingTest {
    private final NetworkMapping freenode = new NetworkMapping(
            NetworkConfig.of("irc.freenode.net", "127.0.0.1", 6667), "hsdomain.com");

    @Test
    void aliasFor_channel_usesTemplate() {
        assertEquals(RoomAlias.parse("#irc.freenode.net/#matrix:hsdomain.com"), freenode.aliasFor("#matrix"));
    }

    @Test
    void channelOf_alias_givesNetworkAndChannel() {
        assertEquals(Optional.of(new ChannelRef("irc.freenode.net", "#matrix")),
                freenode.channelOf(RoomAlias.parse("#irc.freenode.net/#matrix:hsdomain.com")));
        assertEquals(Optional.of(new ChannelRef("irc.freenode.net", "#Matrix[1]")),
                freenode.channelOf(RoomAlias.parse("#irc.freenode.net/#Matrix[1]:hsdomain.com")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"#irc.freenode.net/#matrix:other.com", "#irc.freenode.net/matrix:hsdomain.com",
        "#irc.freenode.net/:hsdomain.com", "#irc.freenode.net/#a b:hsdomain.com", "#irc.freenode.net/#a,b:hsdomain.com",
        "#irc.freenodeXnet/#matrix:hsdomain.com", "#matrix:hsdomain.com"})
    void channelOf_foreignOrInvalidAlias_isEmpty(String alias) {
        assertEquals(Optional.empty(), freenode.channelOf(RoomAlias.parse(alias)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        "Bob @irc.freenode.net/_bob:hsdomain.com",
        "bob @irc.freenode.net/bob:hsdomain.com",
        "Bob_ @irc.freenode.net/_bob__:hsdomain.com",
        "[Bob] @irc.freenode.net/=5b_bob=5d:hsdomain.com",
        "a|b^c @irc.freenode.net/a=7cb=5ec:hsdomain.com",
        "x`{}\\ @irc.freenode.net/x=60=7b=7d=5c:hsdomain.com",
        "Dash-9 @irc.freenode.net/_dash-9:hsdomain.com"})
    void userFor_nick_escapesAndReverses(String nick, String userId) {
        assertEquals(UserId.parse(userId), freenode.userFor(nick));
        assertTrue(freenode.userFor(nick).isStrict());
        assertEquals(Optional.of(new IrcUserRef("irc.freenode.net", nick)), freenode.nickOf(UserId.parse(userId)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"@irc.freenode.net/_bob:other.com", "@irc.freenode.net/:hsdomain.com",
        "@irc.freenode.net/Bob:hsdomain.com", "@irc.freenode.net/=20bob:hsdomain.com",
        "@irc.freenode.net/9lives:hsdomain.com", "@alice:hsdomain.com", "@irc.freenode.net/bob_:hsdomain.com"})
    void nickOf_nonCanonicalOrForeign_isEmpty(String userId) {
        assertEquals(Optional.empty(), freenode.nickOf(UserId.parse(userId)));
    }

    @Test
    void userFor_invalidNick_throws() {
        assertThrows(IllegalArgumentException.class, () -> freenode.userFor("with space"));
        assertThrows(IllegalArgumentException.class, () -> freenode.aliasFor("nohash"));
    }

    @Test
    void isVirtual_anythingInUserSpace_isTrue() {
        assertTrue(freenode.isVirtual(UserId.parse("@irc.freenode.net/Whatever:hsdomain.com")));
        assertFalse(freenode.isVirtual(UserId.parse("@alice:hsdomain.com")));
    }

    @Test
    void customTemplates_mapBothWays() {
        NetworkMapping m = new NetworkMapping(NetworkConfig.of("irc.example.org", "h", 6667).with(b -> {
            b.aliasTemplate = "#ex_$CHANNEL_x";
            b.userTemplate = "@ex_$NICK.u";
        }), "hs.org");
        assertEquals(RoomAlias.parse("#ex_#chan_x:hs.org"), m.aliasFor("#chan"));
        assertEquals("#chan", m.channelOf(RoomAlias.parse("#ex_#chan_x:hs.org")).orElseThrow().channel());
        assertEquals(UserId.parse("@ex__bob.u:hs.org"), m.userFor("Bob"));
        assertEquals("Bob", m.nickOf(UserId.parse("@ex__bob.u:hs.org")).orElseThrow().nick());
    }
}
