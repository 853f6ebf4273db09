package org.matrixas.homeserver.room;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matrixas.homeserver.account.Accounts;
import org.matrixas.homeserver.account.Profile;
import org.matrixas.homeserver.store.Database;
import org.matrixas.homeserver.store.Sql;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

/**
 * Rooms: creation, membership changes, messages and state, each checked against membership and power levels and
 * written (event, current state, memberships) in one transaction, then announced on the {@link EventStream}.
 * Read methods without a requester skip access checks and are for the homeserver's own use (sync, pipeline).
 */
public final class Rooms {
    public static final String CREATE = "m.room.create";
    public static final String MEMBER = "m.room.member";
    public static final String POWER_LEVELS = "m.room.power_levels";
    public static final String JOIN_RULES = "m.room.join_rules";
    /** Largest event content accepted, as the specification's 64 KiB event limit. */
    static final int MAX_CONTENT_BYTES = 65_536;

    private final Database db;
    private final EventStream stream;
    private final Accounts accounts;

    public Rooms(Database db, EventStream stream, Accounts accounts) {
        this.db = db;
        this.stream = stream;
        this.accounts = accounts;
    }

    public String serverName() {
        return accounts.serverName();
    }

    /** Creates a room as {@code spec} says; the alias (if any) must be free, exclusivity is the caller's check. */
    public RoomId create(UserId creator, CreateRoomSpec spec) {
        return new RoomCreator(this, creator, spec).create();
    }

    public void join(UserId user, RoomId room) {
        commit(c -> {
            RoomRules.requireRoom(c, room);
            String current = RoomStore.membership(c, room, user).orElse("leave");
            switch (current) {
                case "join" -> {
                    return List.of();
                }
                case "ban" -> throw RoomRules.forbidden(user + " is banned from " + room);
                case "invite" -> { }
                default -> {
                    if (!"public".equals(RoomRules.joinRule(c, room))) {
                        throw RoomRules.forbidden(user + " is not invited to " + room);
                    }
                }
            }
            return List.of(RoomStore.append(c, room, user, MEMBER, user.toString(), memberContent(user, "join"),
                    now()));
        });
    }

    public void leave(UserId user, RoomId room) {
        commit(c -> {
            RoomRules.requireRoom(c, room);
            String current = RoomStore.membership(c, room, user).orElse("leave");
            if (current.equals("leave")) {
                return List.of();
            }
            if (!current.equals("join") && !current.equals("invite")) {
                throw RoomRules.forbidden(user + " cannot leave " + room + " (membership " + current + ")");
            }
            return List.of(RoomStore.append(c, room, user, MEMBER, user.toString(), member("leave"), now()));
        });
    }

    public void invite(UserId inviter, RoomId room, UserId target) {
        commit(c -> {
            RoomRules.requireJoined(c, room, inviter);
            PowerLevels pl = RoomRules.powerLevels(c, room);
            if (pl.userLevel(inviter) < pl.action("invite", 0)) {
                throw RoomRules.forbidden(inviter + " may not invite in " + room);
            }
            String current = RoomStore.membership(c, room, target).orElse("leave");
            if (current.equals("join") || current.equals("ban")) {
                throw RoomRules.forbidden(target + " is already in the room or banned");
            }
            if (current.equals("invite")) {
                return List.of();
            }
            return List.of(RoomStore.append(c, room, inviter, MEMBER, target.toString(), member("invite"), now()));
        });
    }

    public void kick(UserId kicker, RoomId room, UserId target, String reason) {
        commit(c -> {
            RoomRules.requireJoined(c, room, kicker);
            String current = RoomStore.membership(c, room, target).orElse("leave");
            if (!current.equals("join") && !current.equals("invite")) {
                throw RoomRules.forbidden(target + " is not in " + room);
            }
            PowerLevels pl = RoomRules.powerLevels(c, room);
            if (pl.userLevel(kicker) < pl.action("kick", 50) || pl.userLevel(kicker) <= pl.userLevel(target)) {
                throw RoomRules.forbidden(kicker + " may not kick " + target);
            }
            ObjectNode content = member("leave");
            if (reason != null) {
                content.put("reason", reason);
            }
            return List.of(RoomStore.append(c, room, kicker, MEMBER, target.toString(), content, now()));
        });
    }

    /** Sends a message event; the same {@code (txnScope, txnId)} returns the first event's ID. */
    public EventId send(UserId sender, RoomId room, String type, ObjectNode content, Long ts, String txnScope,
            String txnId) {
        checkSize(content);
        return once(txnScope, txnId, c -> {
            RoomRules.requireJoined(c, room, sender);
            if (!RoomRules.powerLevels(c, room).may(sender, type, false)) {
                throw RoomRules.forbidden(sender + " may not send " + type + " in " + room);
            }
            return RoomStore.append(c, room, sender, type, null, content, ts == null ? now() : ts);
        });
    }

    /**
     * Redacts {@code target} (see {@link Redactor}); returns the redaction's event ID. Transaction IDs of
     * redactions are apart from those of {@link #send}, as they are different endpoints.
     */
    public EventId redact(UserId sender, RoomId room, EventId target, String reason, Long ts, String txnScope,
            String txnId) {
        if (reason != null) {
            checkSize(Json.object().put("reason", reason));
        }
        return once("redact/" + txnScope, txnId, c -> Redactor.redact(c, sender, room, target, reason,
                ts == null ? now() : ts));
    }

    /** Appends the event {@code append} makes unless {@code (txnScope, txnId)} already made one: then its ID. */
    private EventId once(String txnScope, String txnId, Database.Work<StoredEvent> append) {
        Optional<EventId> earlier = db.read(c -> TxnIds.previous(c, txnScope, txnId));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<StoredEvent> done = commit(c -> {
            if (TxnIds.previous(c, txnScope, txnId).isPresent()) {
                return List.of();
            }
            StoredEvent e = append.run(c);
            TxnIds.record(c, txnScope, txnId, e.event().eventId());
            return List.of(e);
        });
        if (done.isEmpty()) {
            return db.read(c -> TxnIds.previous(c, txnScope, txnId)).orElseThrow();
        }
        return done.get(0).event().eventId();
    }

    /** Sets a state event. Member events only for one's own profile; use the membership methods otherwise. */
    public EventId setState(UserId sender, RoomId room, String type, String stateKey, ObjectNode content, Long ts) {
        checkSize(content);
        return commit(c -> {
            RoomRules.requireJoined(c, room, sender);
            if (type.equals(CREATE)) {
                throw RoomRules.forbidden("m.room.create cannot be changed");
            }
            if (type.equals(MEMBER) && (!stateKey.equals(sender.toString())
                    || !"join".equals(content.path("membership").asText()))) {
                throw RoomRules.forbidden("use join, leave, invite or kick to change memberships");
            }
            if (!type.equals(MEMBER) && !RoomRules.powerLevels(c, room).may(sender, type, true)) {
                throw RoomRules.forbidden(sender + " may not set " + type + " in " + room);
            }
            return List.of(RoomStore.append(c, room, sender, type, stateKey, content, ts == null ? now() : ts));
        }).get(0).event().eventId();
    }

    /** Re-announces the user's profile (display name, avatar) with a new join event in every joined room. */
    public void refreshProfile(UserId user) {
        for (RoomId room : roomsOf(user, "join")) {
            commit(c -> {
                if (!"join".equals(RoomStore.membership(c, room, user).orElse("leave"))) {
                    return List.of();
                }
                return List.of(RoomStore.append(c, room, user, MEMBER, user.toString(), memberContent(user, "join"),
                        now()));
            });
        }
    }

    // --- reads --------------------------------------------------------------------------------------------------

    public Optional<ObjectNode> stateContent(UserId requester, RoomId room, String type, String stateKey) {
        return db.read(c -> {
            RoomRules.requireJoined(c, room, requester);
            return RoomStore.stateEvent(c, room, type, stateKey).map(e -> e.event().content());
        });
    }

    public List<ClientEvent> state(UserId requester, RoomId room) {
        return db.read(c -> {
            RoomRules.requireJoined(c, room, requester);
            return RoomStore.currentState(c, room).stream().map(StoredEvent::event).toList();
        });
    }

    /** Joined members with the content of their member events (display name, avatar). */
    public Map<UserId, ObjectNode> joinedMembers(UserId requester, RoomId room) {
        return db.read(c -> {
            RoomRules.requireJoined(c, room, requester);
            Map<UserId, ObjectNode> out = new LinkedHashMap<>();
            for (UserId u : RoomStore.members(c, room, "join")) {
                RoomStore.stateEvent(c, room, MEMBER, u.toString()).ifPresent(e -> out.put(u, e.event().content()));
            }
            return out;
        });
    }

    public List<RoomId> roomsOf(UserId user, String membership) {
        return db.read(c -> RoomStore.roomsOf(c, user, membership));
    }

    public Optional<String> membership(RoomId room, UserId user) {
        return db.read(c -> RoomStore.membership(c, room, user));
    }

    public List<UserId> members(RoomId room, String membership) {
        return db.read(c -> RoomStore.members(c, room, membership));
    }

    /** The room an event belongs to, if the event exists. */
    public Optional<RoomId> roomOf(EventId event) {
        return db.read(c -> Sql.one(c, "SELECT room_id FROM events WHERE event_id = ?",
                rs -> RoomId.parse(rs.getString(1)), event.toString()));
    }

    /** Throws 403 unless {@code user} is joined to {@code room} (404 for an unknown room). */
    public void requireJoined(UserId user, RoomId room) {
        db.read(c -> {
            RoomRules.requireJoined(c, room, user);
            return null;
        });
    }

    public boolean exists(RoomId room) {
        return db.read(c -> RoomStore.exists(c, room));
    }

    public List<StoredEvent> currentState(RoomId room) {
        return db.read(c -> RoomStore.currentState(c, room));
    }

    public Optional<StoredEvent> stateEvent(RoomId room, String type, String stateKey) {
        return db.read(c -> RoomStore.stateEvent(c, room, type, stateKey));
    }

    /** The latest {@code limit} events of a room with orderings in (after, upTo], oldest first. */
    public List<StoredEvent> latestEvents(RoomId room, long after, long upTo, int limit) {
        return db.read(c -> RoomStore.latestInRoom(c, room, after, upTo, limit));
    }

    /** Events of every room with orderings in (after, upTo], oldest first. */
    public List<StoredEvent> eventsAfter(long after, long upTo, int limit) {
        return db.read(c -> RoomStore.eventsAfter(c, after, upTo, limit));
    }

    /** The events in (after, upTo] in stream order, at most {@code limit}, as stored (see {@link RawEvent}). */
    public List<RawEvent> rawEventsAfter(long after, long upTo, int limit) {
        return db.read(c -> RoomStore.rawEventsAfter(c, after, upTo, limit));
    }

    // --- shared by this package ---------------------------------------------------------------------------------

    /** Runs a write that appends events, then moves the stream head past them. */
    List<StoredEvent> commit(Database.Work<List<StoredEvent>> work) {
        List<StoredEvent> events = db.write(work);
        events.stream().mapToLong(StoredEvent::ordering).max().ifPresent(stream::advance);
        return events;
    }

    ObjectNode memberContent(UserId user, String membership) {
        ObjectNode content = member(membership);
        Optional<Profile> p = accounts.profile(user);
        p.flatMap(Profile::displayName).ifPresent(n -> content.put("displayname", n));
        p.flatMap(Profile::avatarUrl).ifPresent(u -> content.put("avatar_url", u));
        return content;
    }

    static ObjectNode member(String membership) {
        return Json.object().put("membership", membership);
    }

    private static void checkSize(ObjectNode content) {
        if (Json.write(content).length > MAX_CONTENT_BYTES) {
            throw MatrixError.M_TOO_LARGE.withMessage("event content is larger than " + MAX_CONTENT_BYTES + " bytes")
                    .toException();
        }
    }

    static long now() {
        return System.currentTimeMillis();
    }
}
