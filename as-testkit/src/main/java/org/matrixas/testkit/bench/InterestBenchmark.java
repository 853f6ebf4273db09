package org.matrixas.testkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JMH benchmark of {@code interest}: which of 100 application services (10 namespace regexes each: 6 user, 2
 * alias, 2 room) want one event, decided the way the homeserver's pipeline decides it ({@code txn.Interest}:
 * sender, membership target, room, the room's aliases, its joined users), over {@link RegisteredService}, the
 * homeserver's public view of a service. The event is the common and most expensive case: a message from a human
 * in a room no service owns, with ten joined humans and one alias, so every service tests every ID.
 *
 * <p>{@code prefixes} is the reference: the same decision with literal prefix/suffix tests instead of regexes,
 * the floor for namespaces of this shape.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InterestBenchmark {
    static final int SERVICES = 100;
    private static final String DOMAIN = "example.org";

    private List<RegisteredService> services;
    private List<PrefixService> reference;
    private ClientEvent event;
    private List<UserId> joined;
    private List<RoomAlias> aliases;

    /** A service whose namespaces are literal prefix + suffix pairs, equivalent to the regexes above. */
    record PrefixService(UserId sender, List<String> users, List<String> aliases, List<String> rooms, String suffix) {
        boolean ownsUser(UserId u) {
            return u.equals(sender) || matches(users, u.toString());
        }

        boolean ownsAlias(RoomAlias a) {
            return matches(aliases, a.toString());
        }

        boolean ownsRoom(RoomId r) {
            return matches(rooms, r.toString());
        }

        private boolean matches(List<String> prefixes, String id) {
            if (!id.endsWith(suffix)) {
                return false;
            }
            for (String p : prefixes) {
                if (id.startsWith(p) && id.length() > p.length() + suffix.length()) {
                    return true;
                }
            }
            return false;
        }
    }

    @Setup
    public void setUp() {
        services = new ArrayList<>();
        reference = new ArrayList<>();
        for (int i = 0; i < SERVICES; i++) {
            List<String> u = new ArrayList<>();
            List<String> a = new ArrayList<>();
            List<String> r = new ArrayList<>();
            for (int j = 0; j < 6; j++) {
                u.add("@net" + i + "x" + j + "_");
            }
            for (int j = 0; j < 2; j++) {
                a.add("#net" + i + "x" + j + "_");
                r.add("!net" + i + "x" + j + "_");
            }
            Namespaces ns = new Namespaces(regexes(u), regexes(a), regexes(r));
            Registration reg = Registration.builder().id("as" + i).url("http://127.0.0.1:1/as" + i)
                    .asToken("as" + i).hsToken("hs" + i).senderLocalpart("bot" + i).namespaces(ns).build();
            UserId sender = UserId.of("bot" + i, DOMAIN);
            services.add(new RegisteredService(reg, NamespaceMatcher.compile(ns), sender, "benchmark"));
            reference.add(new PrefixService(sender, u, a, r, ":" + DOMAIN));
        }
        joined = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            joined.add(UserId.of("human" + n, DOMAIN));
        }
        aliases = List.of(RoomAlias.parse("#general:" + DOMAIN));
        event = ClientEvent.of(EventId.parse("$event1:" + DOMAIN), "m.room.message", joined.get(0),
                RoomId.parse("!abcdefghij:" + DOMAIN), 0, Json.object().put("msgtype", "m.text").put("body", "hi"),
                null);
    }

    private static List<Namespace> regexes(List<String> prefixes) {
        return prefixes.stream().map(p -> Namespace.exclusive(p.replace("!", "\\!") + "[a-z0-9._=\\-/]+:example\\.org"))
                .toList();
    }

    /** How many services want the event, with the regex matchers the homeserver uses. */
    @Benchmark
    public int regexes() {
        int n = 0;
        for (RegisteredService s : services) {
            if (interested(s, event)) {
                n++;
            }
        }
        return n;
    }

    /** The same decision with literal prefix tests: the reference. */
    @Benchmark
    public int prefixes() {
        int n = 0;
        for (PrefixService s : reference) {
            if (interested(s, event)) {
                n++;
            }
        }
        return n;
    }

    private boolean interested(RegisteredService s, ClientEvent e) {
        if (s.ownsUser(e.sender()) || s.ownsRoom(e.roomId())) {
            return true;
        }
        if ("m.room.member".equals(e.type()) && e.stateKey() != null && s.ownsUser(UserId.parse(e.stateKey()))) {
            return true;
        }
        for (RoomAlias a : aliases) {
            if (s.ownsAlias(a)) {
                return true;
            }
        }
        for (UserId u : joined) {
            if (s.ownsUser(u)) {
                return true;
            }
        }
        return false;
    }

    private boolean interested(PrefixService s, ClientEvent e) {
        if (s.ownsUser(e.sender()) || s.ownsRoom(e.roomId())) {
            return true;
        }
        if ("m.room.member".equals(e.type()) && e.stateKey() != null && s.ownsUser(UserId.parse(e.stateKey()))) {
            return true;
        }
        for (RoomAlias a : aliases) {
            if (s.ownsAlias(a)) {
                return true;
            }
        }
        for (UserId u : joined) {
            if (s.ownsUser(u)) {
                return true;
            }
        }
        return false;
    }
}
