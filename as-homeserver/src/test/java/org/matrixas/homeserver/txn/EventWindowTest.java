package org.matrixas.homeserver.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.account.Accounts;
import org.matrixas.homeserver.room.CreateRoomSpec;
import org.matrixas.homeserver.room.EventStream;
import org.matrixas.homeserver.room.RawEvent;
import org.matrixas.homeserver.room.Rooms;
import org.matrixas.homeserver.store.Database;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

class EventWindowTest {
    @TempDir
    Path dir;
    private Database db;
    private EventStream stream;
    private Rooms rooms;
    private final UserId alice = UserId.parse("@alice:hs");

    @BeforeEach
    void open() {
        db = Database.open(dir);
        stream = EventStream.fromDatabase(db);
        Accounts accounts = new Accounts(db, "hs");
        accounts.ensure(alice, null);
        rooms = new Rooms(db, stream, accounts);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void send(RoomId room, int n) {
        for (int i = 0; i < n; i++) {
            rooms.send(alice, room, "m.room.message", Json.object().put("body", "m" + i), null, "s",
                    stream.head() + "-" + i);
        }
    }

    private static List<Long> orderings(List<RawEvent> events) {
        return events.stream().map(RawEvent::ordering).toList();
    }

    @Test
    void after_anyRangeAndLimit_sameEventsAsTheDatabase() {
        RoomId room = rooms.create(alice, CreateRoomSpec.named("r"));
        long start = stream.head();
        EventWindow window = new EventWindow(rooms, start, 7, 1 << 20);
        send(room, 12);
        long mid = stream.head();
        send(room, 12);
        long head = stream.head();
        for (long after = 0; after <= head; after += 3) {
            for (long upTo : new long[] {mid, head}) {
                for (int limit : new int[] {1, 5, 50}) {
                    assertEquals(orderings(rooms.rawEventsAfter(after, upTo, limit)),
                            orderings(window.after(after, upTo, limit)), after + ".." + upTo + " limit " + limit);
                }
            }
        }
    }

    @Test
    void after_byteBudget_evictsOldestAndReadsBehindItFromTheDatabase() {
        RoomId room = rooms.create(alice, CreateRoomSpec.named("r"));
        long start = stream.head();
        EventWindow window = new EventWindow(rooms, start, 1000, 600);
        send(room, 30);
        long head = stream.head();
        List<RawEvent> all = rooms.rawEventsAfter(start, head, 100);
        assertEquals(orderings(all), orderings(window.after(start, head, 100)));
        assertEquals(orderings(all.subList(10, 30)), orderings(window.after(all.get(9).ordering(), head, 100)));
        assertEquals(orderings(all.subList(0, 3)), orderings(window.after(start, head, 3)));
    }

    @Test
    void after_eventBytes_areTheStoredBytes() {
        RoomId room = rooms.create(alice, CreateRoomSpec.named("r"));
        long start = stream.head();
        EventWindow window = new EventWindow(rooms, start, 100, 1 << 20);
        send(room, 3);
        List<RawEvent> fromDb = rooms.rawEventsAfter(start, stream.head(), 10);
        List<RawEvent> fromWindow = window.after(start, stream.head(), 10);
        for (int i = 0; i < fromDb.size(); i++) {
            assertEquals(new String(fromDb.get(i).json(), java.nio.charset.StandardCharsets.UTF_8),
                    new String(fromWindow.get(i).json(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
