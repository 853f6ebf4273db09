package org.matrixas.homeserver.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.NamespaceMatcher;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;

class InterestIndexTest {
    private static final RoomId ROOM = RoomId.parse("!room:hs");
    private static final String MSG = "m.room.message";
    private static final String MEMBER = "m.room.member";
    private final RegisteredService irc = service("irc", new Namespaces(List.of(Namespace.exclusive("@irc_.*:hs")),
            List.of(Namespace.exclusive("#irc_.*:hs")), List.of(Namespace.shared("!bridged.*:hs"))));
    private final RegisteredService shared = service("shared", new Namespaces(
            List.of(Namespace.shared("@irc_.*:hs")), List.of(), List.of()));
    private final Facts facts = new Facts();
    private final InterestIndex index = new InterestIndex(() -> List.of(irc, shared), facts);

    static RegisteredService service(Namespaces ns) {
        return service("irc", ns);
    }

    static RegisteredService service(String id, Namespaces ns) {
        Registration r = Registration.builder().id(id).url("http://127.0.0.1:1").asToken("a-" + id)
                .hsToken("h-" + id).senderLocalpart(id + "bot").namespaces(ns).build();
        return new RegisteredService(r, NamespaceMatcher.compile(ns), UserId.parse("@" + id + "bot:hs"), "test");
    }

    /** Room state held in memory; tests change it and tell the index, as the pipeline does. */
    static final class Facts implements InterestIndex.RoomFacts {
        final Map<RoomId, List<UserId>> joined = new HashMap<>();
        final Map<RoomId, List<RoomAlias>> aliases = new HashMap<>();

        @Override
        public List<UserId> joined(RoomId room) {
            return joined.getOrDefault(room, List.of());
        }

        @Override
        public List<RoomAlias> aliases(RoomId room) {
            return aliases.getOrDefault(room, List.of());
        }
    }

    private List<String> wanted(String sender, String type, String stateKey) {
        return index.wanted(ROOM, sender, type, stateKey).serviceIds();
    }

    @Test
    void wanted_senderInNamespaceOrBot_exclusiveAndShared() {
        assertEquals(List.of("irc", "shared"), wanted("@irc_bob:hs", MSG, null));
        assertEquals(List.of("irc"), wanted("@ircbot:hs", MSG, null));
        assertEquals(List.of("shared"), wanted("@sharedbot:hs", MSG, null));
        assertEquals(List.of(), wanted("@alice:hs", MSG, null));
    }

    @Test
    void wanted_stateKeyOfMemberEventOnly() {
        assertEquals(List.of("irc", "shared"), wanted("@alice:hs", MEMBER, "@irc_bob:hs"));
        assertEquals(List.of(), wanted("@alice:hs", MEMBER, "@carol:hs"));
        assertEquals(List.of(), wanted("@alice:hs", MEMBER, "not an id"));
        assertEquals(List.of(), wanted("@alice:hs", "m.room.topic", "@irc_bob:hs"));
    }

    @Test
    void wanted_roomNamespace_sharedNamespaceCounts() {
        assertEquals(List.of("irc"), index.wanted(RoomId.parse("!bridged1:hs"), "@alice:hs", MSG, null)
                .serviceIds());
    }

    @Test
    void memberChanged_namespaceUserJoinsAndLeaves_roomInterestFollows() {
        facts.joined.put(ROOM, List.of(UserId.parse("@alice:hs")));
        assertEquals(List.of(), wanted("@alice:hs", MSG, null));
        index.memberChanged(ROOM, "@irc_bob:hs", "join");
        assertEquals(List.of("irc", "shared"), wanted("@alice:hs", MSG, null));
        index.memberChanged(ROOM, "@irc_carol:hs", "join");
        index.memberChanged(ROOM, "@irc_bob:hs", "leave");
        assertEquals(List.of("irc", "shared"), wanted("@alice:hs", MSG, null), "carol is still joined");
        index.memberChanged(ROOM, "@irc_carol:hs", "ban");
        assertEquals(List.of(), wanted("@alice:hs", MSG, null));
        index.memberChanged(ROOM, "@irc_dave:hs", "invite");
        assertEquals(List.of(), wanted("@alice:hs", MSG, null), "an invite is not a join");
    }

    @Test
    void memberChanged_botJoins_onlyItsService() {
        index.memberChanged(ROOM, "@alice:hs", "join");
        wanted("@alice:hs", MSG, null);
        index.memberChanged(ROOM, "@sharedbot:hs", "join");
        assertEquals(List.of("shared"), wanted("@alice:hs", MSG, null));
        index.memberChanged(ROOM, "@sharedbot:hs", "join");
        index.memberChanged(ROOM, "@sharedbot:hs", "leave");
        assertEquals(List.of(), wanted("@alice:hs", MSG, null), "a repeated join counts once");
    }

    @Test
    void firstLoad_readsMembersAndAliases() {
        facts.joined.put(ROOM, List.of(UserId.parse("@alice:hs"), UserId.parse("@irc_bob:hs")));
        assertEquals(List.of("irc", "shared"), wanted("@alice:hs", MSG, null));
        RoomId other = RoomId.parse("!other:hs");
        facts.aliases.put(other, List.of(RoomAlias.parse("#irc_chan:hs")));
        assertEquals(List.of("irc"), index.wanted(other, "@alice:hs", MSG, null).serviceIds());
    }

    @Test
    void aliasAddedAndRemoved_roomInterestFollows() {
        assertEquals(List.of(), wanted("@alice:hs", MSG, null));
        index.aliasesChanging(ROOM);
        facts.aliases.put(ROOM, List.of(RoomAlias.parse("#irc_chan:hs")));
        assertEquals(List.of("irc"), wanted("@alice:hs", MSG, null), "read afresh while the change is in flight");
        index.aliasesChanged(ROOM);
        assertEquals(List.of("irc"), wanted("@alice:hs", MSG, null));
        index.aliasesChanging(ROOM);
        facts.aliases.put(ROOM, List.of(RoomAlias.parse("#plain:hs")));
        index.aliasesChanged(ROOM);
        assertEquals(List.of(), wanted("@alice:hs", MSG, null));
    }

    @Test
    void aliasChangeAbandoned_cacheUnchanged() {
        facts.aliases.put(ROOM, List.of(RoomAlias.parse("#irc_chan:hs")));
        assertEquals(List.of("irc"), wanted("@alice:hs", MSG, null));
        index.aliasesChanging(ROOM);
        index.aliasesChanged(ROOM);
        assertEquals(List.of("irc"), wanted("@alice:hs", MSG, null));
    }

    @Test
    void slot_serviceRegisteredLater_rebuildsAndDecides() {
        RoomAlias alias = RoomAlias.parse("#late_x:hs");
        facts.aliases.put(ROOM, List.of(alias));
        assertFalse(index.wanted(ROOM, "@alice:hs", MSG, null).contains("late"));
        RegisteredService late = service("late", new Namespaces(List.of(), List.of(Namespace.shared("#late_.*:hs")),
                List.of()));
        InterestIndex.Slot slot = index.slot(late);
        assertTrue(slot.wants(ROOM, "@alice:hs", MSG, null));
        assertTrue(slot.wantsUser(UserId.parse("@latebot:hs")));
        assertFalse(slot.wants(RoomId.parse("!x:hs"), "@alice:hs", MSG, null));
    }

    @Test
    void slot_generationReplaced_followsMembershipOfNewOne() {
        InterestIndex.Slot slot = index.slot(irc);
        assertFalse(slot.wantsRoom(ROOM));
        index.refresh();
        index.memberChanged(ROOM, "@irc_bob:hs", "join");
        facts.joined.put(ROOM, List.of(UserId.parse("@irc_bob:hs")));
        assertTrue(slot.wantsRoom(ROOM));
    }

    /** The index against the rule written out plainly, over many services, IDs and regex shapes. */
    @Test
    void wanted_manyServicesAndShapes_sameAsPlainRule() {
        List<RegisteredService> services = new ArrayList<>();
        String[] shapes = {"@%s_.*:hs", "^@%s[0-9]+:hs$", "@(%s|x%s)_.+:hs", "@%s_.*|@y%s_.*", "(?i)@%s_.*:HS",
            "@%s\\.[a-z]*:hs", "@%s?z.*:hs", "@[a-z]%s.*:hs", "@%s+q.*:hs", "@%s_\\w+:hs"};
        for (int i = 0; i < 30; i++) {
            String p = "s" + i;
            String u = String.format(shapes[i % shapes.length], p, p);
            services.add(service("as" + i, new Namespaces(List.of(Namespace.shared(u)),
                    List.of(Namespace.exclusive(String.format("#%s_.*:hs", p))),
                    List.of(Namespace.shared(String.format("!%s_.*:hs", p))))));
        }
        Facts f = new Facts();
        InterestIndex big = new InterestIndex(() -> services, f);
        Random random = new Random(42);
        for (int n = 0; n < 2_000; n++) {
            String user = randomId(random, "@");
            // A room not seen before each time: the index reads its members once and is not told of changes here.
            RoomId room = RoomId.parse(randomId(random, "!").replace(":", n + ":"));
            List<UserId> joined = List.of(UserId.parse(randomId(random, "@")), UserId.parse(randomId(random, "@")));
            List<RoomAlias> aliases = List.of(RoomAlias.parse(randomId(random, "#")));
            f.joined.put(room, joined);
            f.aliases.put(room, aliases);
            Wanted w = big.wanted(room, user, MSG, null);
            for (RegisteredService s : services) {
                boolean expected = s.ownsUser(UserId.parse(user)) || s.ownsRoom(room)
                        || aliases.stream().anyMatch(s::ownsAlias) || joined.stream().anyMatch(s::ownsUser);
                assertEquals(expected, w.contains(s.id()), s.id() + " for " + user + " in " + room + " " + joined);
            }
        }
    }

    private static String randomId(Random random, String sigil) {
        String[] starts = {"s1", "s2", "s12", "xs3", "ys4", "S5", "s6.", "s7", "ss8", "s88q", "s9_", "as10", ""};
        String[] mids = {"_", "", "_bob", "1", "23", ".x", "z", "zz", "q", "_a_b"};
        String local = starts[random.nextInt(starts.length)] + mids[random.nextInt(mids.length)] + "k";
        return sigil + local + (random.nextInt(5) == 0 ? ":HS" : ":hs");
    }
}
