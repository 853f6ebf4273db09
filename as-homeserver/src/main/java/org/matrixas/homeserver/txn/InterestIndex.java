package org.matrixas.homeserver.txn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;

/**
 * Which application services want an event, decided the way the
 * <a href="https://spec.matrix.org/v1.11/application-service-api/#registration">specification</a> says: the sender
 * or the {@code state_key} of a member event is in the service's user namespace (or is its bot), the room is in
 * its room namespace, one of the room's aliases is in its alias namespace, or one of its users is joined.
 *
 * <p>Cheap per event: the owners of each user ID are computed once (one matcher per namespace kind for all
 * services, {@link PrefixTable}) and cached; the room part is kept per room ({@link RoomInterest}), loaded from
 * {@link RoomFacts} on the room's first event and then changed only by {@link #memberChanged} and alias changes,
 * so a message costs two hash lookups and a few bit tests however many members and services there are.
 *
 * <p>Keeping it exact is the caller's side of the contract: every membership change must reach
 * {@link #memberChanged} in stream order (the pipeline feeds it from the event stream before deciding on any
 * event, so the membership used is never older than the event), and every alias change must be bracketed by
 * {@link #aliasesChanging} and {@link #aliasesChanged}; while one is in flight, that room's aliases are read from
 * {@link RoomFacts} on each decision. Public so that benchmarks measure this very code; the homeserver's pipeline
 * is its only production user.
 */
public final class InterestIndex {
    /** Where a room's state is read when the room is first needed (and while an alias change is in flight). */
    public interface RoomFacts {
        List<UserId> joined(RoomId room);

        List<RoomAlias> aliases(RoomId room);
    }

    /** Past this many rooms held, the index starts over (each room is read again on its next event). */
    private static final int MAX_ROOMS = 50_000;

    private final Supplier<? extends Collection<RegisteredService>> registered;
    private final RoomFacts facts;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<RoomId, AtomicInteger> aliasChanges = new ConcurrentHashMap<>();
    private final AtomicInteger aliasChangesInFlight = new AtomicInteger();
    private volatile Generation current;

    /** @param registered the services to decide for (read again when a service not among them is asked about) */
    public InterestIndex(Supplier<? extends Collection<RegisteredService>> registered, RoomFacts facts) {
        this.registered = Objects.requireNonNull(registered, "registered is null");
        this.facts = Objects.requireNonNull(facts, "facts is null");
        this.current = new Generation(List.copyOf(registered.get()));
    }

    /**
     * The services that want an event, given its room, sender, type and state key (null for a non-state event).
     * The services are those of the last {@link #refresh}, in registration order.
     */
    public Wanted wanted(RoomId room, String sender, String type, String stateKey) {
        Generation g = current;
        long[] out = Masks.empty(g.size());
        Masks.or(out, g.userOwners(sender));
        if (isMember(type) && stateKey != null) {
            Masks.or(out, g.userOwners(stateKey));
        }
        Masks.or(out, roomWanted(g, room));
        return new Wanted(g.services, out);
    }

    /** Rebuilds the matchers from the registered services (after a registration change). */
    public void refresh() {
        rebuild(null);
    }

    /**
     * Applies a membership change, in stream order: {@code membership} is the new membership of {@code userId}
     * in {@code room} ("join", "leave", "invite", "ban", ...). Only joins count.
     */
    public void memberChanged(RoomId room, String userId, String membership) {
        lock.lock();
        try {
            Generation g = current;
            RoomInterest entry = g.loaded.get(room);
            if (entry == null) {
                return; // not loaded: its first load reads the membership from the database
            }
            long[] owners = g.userOwners(userId);
            if (Masks.isEmpty(owners)) {
                return;
            }
            if ("join".equals(membership)) {
                entry.join(userId, owners);
            } else {
                entry.leave(userId);
            }
        } finally {
            lock.unlock();
        }
    }

    /** An alias of {@code room} is about to be added or removed: until {@link #aliasesChanged}, read them afresh. */
    public void aliasesChanging(RoomId room) {
        aliasChanges.computeIfAbsent(room, r -> new AtomicInteger()).incrementAndGet();
        aliasChangesInFlight.incrementAndGet();
    }

    /** The alias change announced by {@link #aliasesChanging} has been committed or abandoned. */
    public void aliasesChanged(RoomId room) {
        lock.lock();
        try {
            Generation g = current;
            RoomInterest entry = g.loaded.get(room);
            if (entry != null) {
                entry.aliases(g.aliasOwners(facts.aliases(room)));
            }
        } finally {
            lock.unlock();
            aliasChanges.computeIfPresent(room, (r, n) -> n.decrementAndGet() == 0 ? null : n);
            aliasChangesInFlight.decrementAndGet();
        }
    }

    /** The pipeline's view of one service: whether it wants an event, without building the full set. */
    Slot slot(RegisteredService service) {
        Generation g = current;
        int position = g.position(service);
        if (position < 0) {
            g = rebuild(service);
            position = g.position(service);
        }
        return new Slot(service, g, position);
    }

    /** One service's position in one generation; re-resolved when the generation is replaced. */
    final class Slot {
        private final RegisteredService service;
        private Generation generation;
        private int position;

        private Slot(RegisteredService service, Generation generation, int position) {
            this.service = service;
            this.generation = generation;
            this.position = position;
        }

        boolean wants(RoomId room, String sender, String type, String stateKey) {
            Generation g = fresh();
            return Masks.contains(g.userOwners(sender), position)
                    || isMember(type) && stateKey != null && Masks.contains(g.userOwners(stateKey), position)
                    || Masks.contains(roomWanted(g, room), position);
        }

        /** Whether the user is the service's (bot or user namespace). */
        boolean wantsUser(UserId user) {
            return Masks.contains(fresh().userOwners(user.toString()), position);
        }

        /** Whether the service wants every event of the room (room, alias or joined member). */
        boolean wantsRoom(RoomId room) {
            return Masks.contains(roomWanted(fresh(), room), position);
        }

        private Generation fresh() {
            if (generation != current) {
                Slot s = slot(service);
                generation = s.generation;
                position = s.position;
            }
            return generation;
        }
    }

    private static boolean isMember(String type) {
        return "m.room.member".equals(type);
    }

    private long[] roomWanted(Generation g, RoomId room) {
        RoomInterest entry = g.loaded.get(room);
        if (entry == null) {
            entry = load(g, room);
        }
        if (aliasChangesInFlight.get() > 0 && aliasChanges.containsKey(room)) {
            long[] w = entry.memberPart();
            Masks.or(w, entry.ownsRoom());
            Masks.or(w, g.aliasOwners(facts.aliases(room)));
            return w;
        }
        return entry.wanted();
    }

    private RoomInterest load(Generation g, RoomId room) {
        lock.lock();
        try {
            if (g.loaded.size() >= MAX_ROOMS) {
                g.loaded.clear(); // safe at any time: an entry is reloaded exactly, under this lock
            }
            // Under the lock, so no membership change can be applied between this read and the entry's insertion.
            return g.loaded.computeIfAbsent(room, r -> g.load(r, facts.joined(r), facts.aliases(r)));
        } finally {
            lock.unlock();
        }
    }

    private Generation rebuild(RegisteredService asked) {
        lock.lock();
        try {
            List<RegisteredService> services = new ArrayList<>(registered.get());
            if (asked != null && current.position(asked) >= 0) {
                return current;
            }
            if (asked != null && services.stream().noneMatch(s -> s == asked || s.equals(asked))) {
                services.removeIf(s -> s.id().equals(asked.id()));
                services.add(asked);
            }
            current = new Generation(services);
            return current;
        } finally {
            lock.unlock();
        }
    }
}
