package org.matrixas.homeserver.txn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;

/**
 * The interest index for one set of services: their namespaces as one matcher per kind, the owners of each user
 * ID seen (cached; they depend only on the services) and the rooms loaded so far. A registration change makes a
 * new generation, so nothing here is ever invalidated by one.
 */
final class Generation {
    /** Past this many cached user IDs the cache starts over (it is only a cache: owners are recomputed). */
    private static final int MAX_USERS = 100_000;

    final List<RegisteredService> services;
    private final Map<String, Integer> positions = new HashMap<>();
    private final PrefixTable users;
    private final PrefixTable aliases;
    private final PrefixTable rooms;
    private final Map<UserId, long[]> bots = new HashMap<>();
    private final Map<String, long[]> userCache = new ConcurrentHashMap<>();
    final Map<RoomId, RoomInterest> loaded = new ConcurrentHashMap<>();
    private final long[] none;

    Generation(List<RegisteredService> services) {
        this.services = List.copyOf(services);
        List<List<String>> u = new ArrayList<>();
        List<List<String>> a = new ArrayList<>();
        List<List<String>> r = new ArrayList<>();
        this.none = Masks.empty(services.size());
        for (int i = 0; i < this.services.size(); i++) {
            RegisteredService s = this.services.get(i);
            positions.put(s.id(), i);
            Namespaces ns = s.registration().namespaces();
            u.add(ns.users().stream().map(Namespace::regex).toList());
            a.add(ns.aliases().stream().map(Namespace::regex).toList());
            r.add(ns.rooms().stream().map(Namespace::regex).toList());
            Masks.set(bots.computeIfAbsent(s.sender(), x -> Masks.empty(this.services.size())), i);
        }
        this.users = new PrefixTable(u);
        this.aliases = new PrefixTable(a);
        this.rooms = new PrefixTable(r);
    }

    /** The position of exactly this service (same registration), or -1. */
    int position(RegisteredService service) {
        Integer i = positions.get(service.id());
        if (i == null) {
            return -1;
        }
        RegisteredService mine = services.get(i);
        return mine == service || mine.equals(service) ? i : -1;
    }

    int size() {
        return services.size();
    }

    long[] none() {
        return none;
    }

    /**
     * The services that own a user ID (their bot, or a match in their user namespace); none for a string that is
     * not a user ID. Matched on the ID as {@link UserId} prints it, as {@link RegisteredService#ownsUser} does.
     */
    long[] userOwners(String userId) {
        long[] cached = userCache.get(userId);
        if (cached != null) {
            return cached;
        }
        long[] owners;
        try {
            UserId parsed = UserId.parse(userId);
            owners = users.owners(parsed.toString());
            long[] bot = bots.get(parsed);
            if (bot != null) {
                Masks.or(owners, bot);
            }
        } catch (IllegalArgumentException e) {
            owners = none;
        }
        if (userCache.size() >= MAX_USERS) {
            userCache.clear();
        }
        userCache.put(userId, owners);
        return owners;
    }

    long[] aliasOwners(List<RoomAlias> roomAliases) {
        long[] owners = Masks.empty(size());
        for (RoomAlias alias : roomAliases) {
            Masks.or(owners, aliases.owners(alias.toString()));
        }
        return owners;
    }

    /** A room's entry built from its joined members and aliases as read now. */
    RoomInterest load(RoomId room, List<UserId> joined, List<RoomAlias> roomAliases) {
        RoomInterest entry = new RoomInterest(size(), rooms.owners(room.toString()), aliasOwners(roomAliases));
        for (UserId user : joined) {
            String id = user.toString();
            long[] owners = userOwners(id);
            if (!Masks.isEmpty(owners)) {
                entry.join(id, owners);
            }
        }
        return entry;
    }
}
