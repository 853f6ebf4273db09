package org.matrixas.homeserver.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.account.Accounts;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.homeserver.room.Aliases;
import org.matrixas.homeserver.room.CreateRoomSpec;
import org.matrixas.homeserver.room.EventStream;
import org.matrixas.homeserver.room.Rooms;
import org.matrixas.homeserver.store.Database;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;

/**
 * Interest through the real store: the room part of the decision is cached, so these show that it follows
 * membership and alias changes made through {@link Rooms} and {@link Aliases} between transactions.
 */
class InterestPipelineTest {
    private static final PipelineStore.Limits LIMITS = new PipelineStore.Limits(100, 1 << 20);
    @TempDir
    Path dir;
    private Database db;
    private EventStream stream;
    private Rooms rooms;
    private Aliases aliases;
    private PipelineStore store;
    private final RegisteredService irc = InterestIndexTest.service(new Namespaces(
            List.of(Namespace.exclusive("@irc_.*:hs")), List.of(Namespace.shared("#irc_.*:hs")), List.of()));
    private final UserId alice = UserId.parse("@alice:hs");
    private final UserId bob = UserId.parse("@irc_bob:hs");
    private RoomId room;
    private int sent;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        stream = EventStream.fromDatabase(db);
        Accounts accounts = new Accounts(db, "hs");
        accounts.ensure(alice, null);
        accounts.ensure(bob, "irc");
        rooms = new Rooms(db, stream, accounts);
        aliases = new Aliases(db, "hs");
        store = new PipelineStore(db, rooms, aliases, () -> List.of(irc));
        room = rooms.create(alice, CreateRoomSpec.named("r"));
        store.init(irc.id(), stream.head(), true);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String say() {
        String body = "m" + sent++;
        rooms.send(alice, room, "m.room.message", Json.object().put("body", body), null, "s", body);
        return body;
    }

    /** What the service receives next, as "type body" or "type membership state_key"; acknowledges it. */
    private List<String> next() {
        var pending = store.buildNext(irc, stream.head(), LIMITS);
        if (pending.isEmpty()) {
            return List.of();
        }
        store.delivered(irc.id(), pending.get().txnId());
        return Json.read(pending.get().body(), Transaction.class).events().stream().map(InterestPipelineTest::show)
                .toList();
    }

    private static String show(ClientEvent e) {
        return e.type().equals("m.room.member") ? "member " + e.content().path("membership").asText() + " "
                + e.stateKey() : e.content().path("body").asText();
    }

    @Test
    void namespaceUserJoinsThenLeaves_humanMessagesDeliveredOnlyWhileJoined() {
        say();
        assertEquals(List.of(), next(), "a room of humans");
        rooms.invite(alice, room, bob);
        rooms.join(bob, room);
        String whileJoined = say();
        assertEquals(List.of("member invite @irc_bob:hs", "member join @irc_bob:hs", whileJoined), next());
        rooms.leave(bob, room);
        say();
        assertEquals(List.of("member leave @irc_bob:hs"), next());
    }

    @Test
    void joinAndMessageInOneBacklog_messageAfterJoinDelivered() {
        say();
        assertEquals(List.of(), next());
        rooms.invite(alice, room, bob);
        rooms.join(bob, room);
        String m = say();
        rooms.kick(alice, room, bob, null);
        assertEquals(List.of("member invite @irc_bob:hs", "member join @irc_bob:hs", "member leave @irc_bob:hs"),
                next(), "membership as of the head: bob was gone when the backlog was read, as before the cache");
        rooms.invite(alice, room, bob);
        rooms.join(bob, room);
        String again = say();
        assertEquals(List.of("member invite @irc_bob:hs", "member join @irc_bob:hs", again), next(),
                "m is not resent: " + m);
    }

    @Test
    void aliasAddedThenRemoved_humanMessagesDeliveredOnlyWhileItExists() {
        say();
        assertEquals(List.of(), next());
        RoomAlias alias = RoomAlias.parse("#irc_chan:hs");
        aliases.create(alias, room, alice);
        String withAlias = say();
        assertEquals(List.of(withAlias), next());
        aliases.delete(alias);
        say();
        assertEquals(List.of(), next());
        aliases.create(RoomAlias.parse("#plain:hs"), room, alice);
        say();
        assertEquals(List.of(), next(), "an alias outside the namespace");
    }

    @Test
    void senderInNamespace_deliveredWithoutRoomInterest() {
        say();
        assertEquals(List.of(), next());
        rooms.invite(alice, room, bob);
        rooms.join(bob, room);
        rooms.send(bob, room, "m.room.message", Json.object().put("body", "from bob"), null, "b", "1");
        rooms.leave(bob, room);
        assertEquals(List.of("member invite @irc_bob:hs", "member join @irc_bob:hs", "from bob",
                "member leave @irc_bob:hs"), next());
    }
}
