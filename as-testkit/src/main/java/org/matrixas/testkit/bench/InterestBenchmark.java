package org.matrixas.testkit.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.homeserver.txn.InterestIndex;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.NamespaceMatcher;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JMH benchmark of {@code interest}: which of 100 application services (10 namespace regexes each: 6 user, 2
 * alias, 2 room) want an event, decided by the homeserver's own {@link InterestIndex} (the code its push pipeline
 * runs). Two rooms of 1,000 joined members: one of humans only, one where 10 services have a user each. The
 * events cycle through human and namespace senders, and through a namespace user joining and leaving the
 * humans' room (each membership change applied to the index, then the decision), so the incremental updates are
 * measured with the decisions.
 *
 * <p>{@code floor} is the reference: two prebuilt hash lookups (sender, room) and a bit-set union per event, what
 * any cached decision must pay. {@code newUser} is the cost for a user ID the index has not seen (its owners
 * computed through the prefix-filtered matcher), against {@code newUserAllRegexes}, every service's regexes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InterestBenchmark {
    static final int SERVICES = 100;
    static final int MEMBERS = 1_000;
    static final int CYCLE = 8;
    private static final String DOMAIN = "example.org";
    private static final String MSG = "m.room.message";
    private static final String MEMBER = "m.room.member";

    private List<RegisteredService> services;
    private InterestIndex index;
    private final RoomId humans = RoomId.parse("!humans:" + DOMAIN);
    private final RoomId bridged = RoomId.parse("!bridged:" + DOMAIN);
    private final List<String> humanIds = new ArrayList<>();
    private String puppet;
    private String bot;
    private int next;
    private long fresh;
    private final Map<String, long[]> floorUsers = new HashMap<>();
    private final Map<RoomId, long[]> floorRooms = new HashMap<>();

    @Setup
    public void setUp() {
        services = new ArrayList<>();
        for (int i = 0; i < SERVICES; i++) {
            services.add(service(i));
        }
        Map<RoomId, List<UserId>> joined = new HashMap<>();
        List<UserId> inHumans = new ArrayList<>();
        List<UserId> inBridged = new ArrayList<>();
        for (int n = 0; n < MEMBERS; n++) {
            UserId human = UserId.of("human" + n, DOMAIN);
            humanIds.add(human.toString());
            inHumans.add(human);
            inBridged.add(n < 10 ? UserId.of("net" + (n * 10) + "x" + (n % 6) + "_nick" + n, DOMAIN) : human);
        }
        joined.put(humans, inHumans);
        joined.put(bridged, inBridged);
        puppet = UserId.of("net42x3_someone", DOMAIN).toString();
        bot = UserId.of("bot7", DOMAIN).toString();
        index = new InterestIndex(() -> services, new InterestIndex.RoomFacts() {
            @Override
            public List<UserId> joined(RoomId room) {
                return joined.getOrDefault(room, List.of());
            }

            @Override
            public List<RoomAlias> aliases(RoomId room) {
                return List.of(RoomAlias.parse("#general:" + DOMAIN));
            }
        });
        for (String id : humanIds) {
            floorUsers.put(id, new long[2]);
        }
        floorUsers.put(puppet, new long[] {1L << 42, 0});
        floorUsers.put(bot, new long[] {1L << 7, 0});
        floorRooms.put(humans, new long[2]);
        floorRooms.put(bridged, new long[] {-1L, 0});
    }

    static RegisteredService service(int i) {
        List<Namespace> users = new ArrayList<>();
        List<Namespace> aliases = new ArrayList<>();
        List<Namespace> rooms = new ArrayList<>();
        for (int j = 0; j < 6; j++) {
            users.add(Namespace.exclusive("@net" + i + "x" + j + "_[a-z0-9._=\\-/]+:example\\.org"));
        }
        for (int j = 0; j < 2; j++) {
            aliases.add(Namespace.exclusive("#net" + i + "x" + j + "_[a-z0-9._=\\-/]+:example\\.org"));
            rooms.add(Namespace.shared("\\!net" + i + "x" + j + "_[a-z0-9._=\\-/]+:example\\.org"));
        }
        Namespaces ns = new Namespaces(users, aliases, rooms);
        Registration reg = Registration.builder().id("as" + i).url("http://127.0.0.1:1/as" + i).asToken("as" + i)
                .hsToken("hs" + i).senderLocalpart("bot" + i).namespaces(ns).build();
        return new RegisteredService(reg, NamespaceMatcher.compile(ns), UserId.of("bot" + i, DOMAIN), "benchmark");
    }

    private String human() {
        next = (next + 1) % MEMBERS;
        return humanIds.get(next);
    }

    /** One cycle of {@value #CYCLE} events through the index; the total of services that want them. */
    @Benchmark
    @OperationsPerInvocation(CYCLE)
    public int decide() {
        int n = index.wanted(humans, human(), MSG, null).count();
        n += index.wanted(bridged, human(), MSG, null).count();
        n += index.wanted(bridged, puppet, MSG, null).count();
        index.memberChanged(humans, puppet, "join");
        n += index.wanted(humans, puppet, MEMBER, puppet).count();
        n += index.wanted(humans, human(), MSG, null).count();
        index.memberChanged(humans, puppet, "leave");
        n += index.wanted(humans, puppet, MEMBER, puppet).count();
        n += index.wanted(humans, human(), MSG, null).count();
        n += index.wanted(humans, bot, MSG, null).count();
        return n;
    }

    /** The reference: the same events as two lookups in prebuilt maps and a union. */
    @Benchmark
    @OperationsPerInvocation(CYCLE)
    public int floor() {
        int n = lookup(humans, human());
        n += lookup(bridged, human());
        n += lookup(bridged, puppet);
        n += lookup(humans, puppet);
        n += lookup(humans, human());
        n += lookup(humans, puppet);
        n += lookup(humans, human());
        n += lookup(humans, bot);
        return n;
    }

    private int lookup(RoomId room, String sender) {
        long[] out = new long[2];
        long[] u = floorUsers.get(sender);
        long[] r = floorRooms.get(room);
        int n = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = u[i] | r[i];
            n += Long.bitCount(out[i]);
        }
        return n;
    }

    /** A message from a user ID never seen before (the owners are computed, then cached). */
    @Benchmark
    public int newUser() {
        return index.wanted(humans, "@net" + (fresh % SERVICES) + "x9_u" + fresh++ + ":" + DOMAIN, MSG, null)
                .count();
    }

    /** The same new IDs tested against every service's regexes, as the homeserver did before the index. */
    @Benchmark
    public int newUserAllRegexes() {
        UserId user = UserId.parse("@net" + (fresh % SERVICES) + "x9_u" + fresh++ + ":" + DOMAIN);
        int n = 0;
        for (RegisteredService s : services) {
            if (s.ownsUser(user)) {
                n++;
            }
        }
        return n;
    }
}
