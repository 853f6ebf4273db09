package org.matrixas.testkit.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.SyncResponse;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.testkit.MatrixClient;

/**
 * A Matrix user's admin room with the bridge bot, for tests: opens it (a direct room inviting the bot, as a
 * client would), and sends commands, returning the bot's answer to each. Answers come in command order, so each
 * call takes the oldest bot notice not yet returned.
 */
final class AdminRoomClient {
    static final UserId BOT = UserId.parse("@irc-bridge:localhost");
    static final Duration WAIT = Duration.ofSeconds(20);
    private final MatrixClient user;
    private final RoomId room;
    private final Set<EventId> answered = new HashSet<>();
    private EventId lastCommand;

    private AdminRoomClient(MatrixClient user, RoomId room) {
        this.user = user;
        this.room = room;
    }

    /**
     * Creates a direct room inviting the bot and waits for the bot's greeting there. Like clients do for direct
     * chats, the room is a {@code trusted_private_chat}: the bot gets the creator's power level.
     */
    static AdminRoomClient open(MatrixClient user) {
        return open(user, "trusted_private_chat");
    }

    /** Like {@link #open(MatrixClient)} with another {@code createRoom} preset. */
    static AdminRoomClient open(MatrixClient user, String preset) {
        RoomId room = user.api().createRoom(new CreateRoomRequest(null, null, null, preset, null,
                null, null, null, null, null).withInvite(List.of(BOT.toString()), true));
        AdminRoomClient admin = new AdminRoomClient(user, room);
        String greeting = admin.nextAnswer();
        if (!greeting.contains("admin room")) {
            throw new AssertionError("expected the bot's greeting, got: " + greeting);
        }
        return admin;
    }

    /** The room again, as another session of the same user (after a bridge restart). */
    static AdminRoomClient existing(MatrixClient user, RoomId room) {
        return new AdminRoomClient(user, room);
    }

    RoomId room() {
        return room;
    }

    MatrixClient user() {
        return user;
    }

    /** Sends {@code command} and returns the bot's answer. */
    String command(String command) {
        lastCommand = user.api().sendText(room, command);
        return nextAnswer();
    }

    /** The event ID of the last command sent with {@link #command}. */
    EventId lastCommand() {
        return lastCommand;
    }

    /** The oldest notice of the bot not returned yet. */
    String nextAnswer() {
        ClientEvent e = user.awaitEvent(room, ev -> isBotNotice(ev) && !answered.contains(ev.eventId()), WAIT);
        answered.add(e.eventId());
        return e.contentString("body").orElse("");
    }

    /** Whether the bot said anything not returned yet (after the events seen so far). */
    boolean hasUnreadAnswer() {
        return user.events(room).stream().anyMatch(ev -> isBotNotice(ev) && !answered.contains(ev.eventId()));
    }

    private static boolean isBotNotice(ClientEvent e) {
        return "m.room.message".equals(e.type()) && BOT.equals(e.sender())
                && "m.notice".equals(e.contentString("msgtype").orElse(""));
    }

    /** Syncs until {@code user} is invited by the bot to some room; returns it. */
    static RoomId awaitInviteFromBot(MatrixClient user, RoomId expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String since = null;
        while (System.nanoTime() - deadline < 0) {
            SyncResponse r = user.api().sync(since, Duration.ofSeconds(2));
            since = r.nextBatch();
            for (Map.Entry<RoomId, ObjectNode> invite : r.invited().entrySet()) {
                for (JsonNode ev : invite.getValue().path("invite_state").path("events")) {
                    if ("m.room.member".equals(ev.path("type").asText())
                            && user.userId().toString().equals(ev.path("state_key").asText())
                            && BOT.toString().equals(ev.path("sender").asText())
                            && invite.getKey().equals(expected)) {
                        return invite.getKey();
                    }
                }
            }
        }
        throw new AssertionError("no invite from the bot into " + expected + " for " + user.userId());
    }
}
