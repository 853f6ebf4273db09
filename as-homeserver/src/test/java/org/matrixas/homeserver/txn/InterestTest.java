package org.matrixas.homeserver.txn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.NamespaceMatcher;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;

class InterestTest {
    private static final RoomId ROOM = RoomId.parse("!room:hs");
    private static final Interest.RoomView EMPTY = new Interest.RoomView(Set.of(), List.of());
    private final RegisteredService irc = service(new Namespaces(List.of(Namespace.exclusive("@irc_.*:hs")),
            List.of(Namespace.exclusive("#irc_.*:hs")), List.of(Namespace.shared("!bridged.*:hs"))));

    static RegisteredService service(Namespaces ns) {
        Registration r = Registration.builder().id("irc").url("http://127.0.0.1:1").asToken("a").hsToken("h")
                .senderLocalpart("ircbot").namespaces(ns).build();
        return new RegisteredService(r, NamespaceMatcher.compile(ns), UserId.parse("@ircbot:hs"), "test");
    }

    private static ClientEvent event(String sender, RoomId room, String type, String stateKey) {
        return ClientEvent.of(EventId.parse("$e"), type, UserId.parse(sender), room, 0, Json.object()
                .put("membership", "join"), stateKey);
    }

    @Test
    void interested_senderInNamespaceOrBot_true() {
        assertTrue(Interest.interested(irc, event("@irc_bob:hs", ROOM, "m.room.message", null), EMPTY));
        assertTrue(Interest.interested(irc, event("@ircbot:hs", ROOM, "m.room.message", null), EMPTY));
    }

    @Test
    void interested_membershipOfNamespaceUser_true() {
        assertTrue(Interest.interested(irc, event("@alice:hs", ROOM, "m.room.member", "@irc_bob:hs"), EMPTY));
        assertFalse(Interest.interested(irc, event("@alice:hs", ROOM, "m.room.member", "@carol:hs"), EMPTY));
    }

    @Test
    void interested_roomNamespaceAliasOrMember_true() {
        assertTrue(Interest.interested(irc, event("@alice:hs", RoomId.parse("!bridged1:hs"), "m.room.message", null),
                EMPTY));
        assertTrue(Interest.interested(irc, event("@alice:hs", ROOM, "m.room.message", null),
                new Interest.RoomView(Set.of(), List.of(RoomAlias.parse("#irc_chan:hs")))));
        assertTrue(Interest.interested(irc, event("@alice:hs", ROOM, "m.room.message", null),
                new Interest.RoomView(Set.of(UserId.parse("@irc_bob:hs")), List.of())));
    }

    @Test
    void interested_unrelated_false() {
        assertFalse(Interest.interested(irc, event("@alice:hs", ROOM, "m.room.message", null),
                new Interest.RoomView(Set.of(UserId.parse("@alice:hs")), List.of(RoomAlias.parse("#plain:hs")))));
    }

    @Test
    void interestedInEvent_senderOrMembershipTargetOnly_roomFactsIgnored() {
        assertTrue(Interest.interestedInEvent(irc, UserId.parse("@irc_bob:hs"), "m.room.message", null));
        assertTrue(Interest.interestedInEvent(irc, UserId.parse("@alice:hs"), "m.room.member", "@irc_bob:hs"));
        assertFalse(Interest.interestedInEvent(irc, UserId.parse("@alice:hs"), "m.room.member", "not an id"));
        assertFalse(Interest.interestedInEvent(irc, UserId.parse("@alice:hs"), "m.room.message", "@irc_bob:hs"));
    }
}
