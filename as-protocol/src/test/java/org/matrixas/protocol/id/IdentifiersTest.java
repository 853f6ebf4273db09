package org.matrixas.protocol.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @Test
    void parse_userIdWithSlash_splitsAtFirstColon() {
        UserId id = UserId.parse("@irc.freenode.net/_bob:hsdomain.com");
        assertEquals("irc.freenode.net/_bob", id.localpart());
        assertEquals("hsdomain.com", id.server());
        assertTrue(id.isStrict());
        assertEquals("@irc.freenode.net/_bob:hsdomain.com", id.toString());
    }

    @Test
    void parse_userIdWithPort_keepsPort() {
        assertEquals("localhost:8008", UserId.parse("@a:localhost:8008").server());
    }

    @Test
    void parse_historicalUpperCase_acceptedButNotStrict() {
        UserId id = UserId.parse("@Bob:hs");
        assertFalse(id.isStrict());
    }

    @Test
    void of_upperCase_rejectedWithReason() {
        InvalidIdException e = assertThrows(InvalidIdException.class, () -> UserId.of("Bob", "hs"));
        assertEquals("user ID", e.kind());
        assertTrue(e.getMessage().contains("a-z 0-9"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice:hs", "@:hs", "@alice", "@alice:", "@al ice:hs", "@alice:bad host", "@a:h:99999999"})
    void parse_invalidUserIds_throwNamedError(String input) {
        assertThrows(InvalidIdException.class, () -> UserId.parse(input));
    }

    @Test
    void parse_overLongUserId_rejected() {
        String id = "@" + "a".repeat(250) + ":hs.example";
        InvalidIdException e = assertThrows(InvalidIdException.class, () -> UserId.parse(id));
        assertTrue(e.reason().contains("255"));
    }

    @Test
    void parse_aliasWithHashInLocalpart_isValid() {
        RoomAlias alias = RoomAlias.parse("#irc.freenode.net/#matrix:hsdomain.com");
        assertEquals("irc.freenode.net/#matrix", alias.localpart());
        assertEquals("hsdomain.com", alias.server());
    }

    @Test
    void parse_ipv6Server_accepted() {
        assertEquals("[::1]:8448", RoomAlias.parse("#a:[::1]:8448").server());
    }

    @Test
    void parse_roomAndEventIds_roundTrip() {
        assertEquals("!abc:hs", RoomId.parse("!abc:hs").toString());
        assertEquals("hs", RoomId.parse("!abc:hs").server());
        assertEquals("$opaque_base64", EventId.parse("$opaque_base64").toString());
        assertThrows(InvalidIdException.class, () -> RoomId.parse("abc:hs"));
        assertThrows(InvalidIdException.class, () -> EventId.parse("$"));
    }
}
