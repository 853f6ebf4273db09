package org.matrixas.testkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.bridge.irc.registration.Registrations;
import org.matrixas.homeserver.config.AppServiceConfig;
import org.matrixas.homeserver.config.HomeserverConfig;
import org.matrixas.testkit.irc.IrcServer;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.client.Session;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.TestBridge;
import org.matrixas.testkit.TestHomeserver;

/**
 * Bad input: generated requests (jqwik arbitraries, seeded) against every route of the homeserver and of the
 * bridge's application service port: malformed JSON, wrong types, huge bodies, deep nesting, invalid and
 * over-long IDs, bad percent-encoding, unknown methods. Every answer must be below 500; every 4xx a Matrix error
 * with an allowed errcode, and the specific one where the case dictates it; both processes serve afterwards.
 *
 * <p>A jqwik property per process: jqwik's default 1000 tries each in {@code mvn verify}, 10 000 in the long
 * profile ({@code -Djqwik.tries.default}); jqwik prints the seed ({@code @Property(seed = ...)} replays a run).
 */
class HttpFuzzIT {
    private static final List<String> CREATE_ROOM_FIELDS = List.of("name", "topic", "preset", "room_alias_name",
            "invite", "is_direct", "initial_state", "power_level_content_override", "creation_content", "visibility",
            "room_version");
    private static final List<String> OTHER_FIELDS = List.of("body", "msgtype", "displayname", "avatar_url",
            "room_id", "user_id", "reason", "type", "username", "password", "auth", "identifier", "timeout",
            "typing", "presence", "status_msg", "m.fully_read", "events", "as_token", "url", "namespaces", "id",
            "sender_localpart", "transaction_id", "inhibit_login", "device_id");
    /**
     * Known bugs (RELIABILITY.md, BadInputBugsIT): an invalid percent-escape in the path is refused by Undertow with
     * a bare 400 (no Matrix error), and JSON followed by trailing garbage is accepted. Tolerated here (and counted)
     * so the property keeps guarding everything else; set false once fixed.
     */
    static final boolean TOLERATE_KNOWN_BUGS = false;
    private static final java.util.regex.Pattern BAD_ESCAPE = java.util.regex.Pattern.compile(
            "%(?![0-9A-Fa-f]{2})");
    private static final Map<String, Integer> KNOWN = new TreeMap<>();

    /** With -Dreliability.fuzz.collect=true every deviation is listed at the end instead of failing the try. */
    private static final boolean COLLECT = Boolean.getBoolean("reliability.fuzz.collect");

    /** One generated request and, where the case dictates it, the answer it must get ("any" otherwise). */
    record Case(String method, String target, String token, byte[] body, String expect, String kind) {
        String describe() {
            String b = body == null ? "" : new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
            return kind + ": " + method + " " + (target.length() > 200 ? target.substring(0, 200) + "…" : target)
                    + (token == null ? " (no token)" : "") + " body[" + (body == null ? 0 : body.length) + "]=" + b;
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    private static Path dir;
    private static IrcServer irc;
    private static TestHomeserver hs;
    private static TestBridge bridge;
    private static Session alice;
    private static RoomId room;
    private static String asToken;
    private static final Map<String, Map<String, Integer>> STATUSES = new TreeMap<>();
    private static final Map<String, List<String>> FAILURES = new TreeMap<>();

    @BeforeContainer
    static void startServers() throws Exception {
        dir = Files.createTempDirectory("fuzz");
        irc = IrcServer.builder().port(0).nickLen(30).build().start();
        hs = TestHomeserver.start(HomeserverConfig.builder().serverName("localhost").dataDir(dir.resolve("hs"))
                .listen("127.0.0.1", 0).enableRegistration(true).appservice(AppServiceConfig.DEFAULT
                        .withBackoff(Duration.ofMillis(50), Duration.ofMillis(2000))).build());
        HomeserverClient anon = HomeserverClient.anonymous(hs.baseUrl());
        alice = anon.registerUser("fuzzer", "fuzzer-password");
        room = anon.withToken(alice.accessToken()).createRoom(CreateRoomRequest.named("fuzz"));
        asToken = hs.startAppService("fuzzas", org.matrixas.protocol.namespace.Namespaces.empty(),
                new org.matrixas.protocol.appservice.AppService() {
                    @Override
                    public void onTransaction(String txnId, org.matrixas.protocol.event.Transaction t) {
                    }
                }).registration().asToken();
        BridgeConfig config = BridgeConfig.of(
                org.matrixas.bridge.irc.config.HomeserverConfig.of(hs.baseUrl(), "localhost"),
                org.matrixas.bridge.irc.config.AppServiceConfig.of("as_fuzz_bridge", Registrations.randomToken())
                        .withRegisterViaApi(false).withPort(Rel.freePort()),
                dir.resolve("bridge"),
                List.of(NetworkConfig.of("irc.example.org", irc.host(), irc.port()).withChannels(List.of("#fuzz"))));
        hs.registerAppService(Registrations.of(config));
        bridge = TestBridge.start(config);
    }

    @AfterContainer
    static void stopServers() {
        try {
            String summary = "";
            for (String k : STATUSES.keySet()) {
                List<String> f = FAILURES.getOrDefault(k, List.of());
                try {
                    Files.write(Path.of("target", "reliability-fuzz-" + k + ".txt"), f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                Rel.figure("HttpFuzzIT " + k + ": " + STATUSES.get(k).values().stream().mapToInt(Integer::intValue).sum()
                        + " generated requests; statuses " + STATUSES.get(k) + "; " + f.size() + " deviations"
                        + (f.isEmpty() ? "" : ": " + f.subList(0, Math.min(40, f.size()))));
            }
            if (!KNOWN.isEmpty()) {
                Rel.figure("HttpFuzzIT answers matching known bugs (tolerated, see BadInputBugsIT): " + KNOWN);
            }
        } finally {
            if (bridge != null) {
                bridge.close();
            }
            if (hs != null) {
                hs.close();
            }
            if (irc != null) {
                irc.close();
            }
        }
    }

    @Provide
    Arbitrary<Case> homeserverCases() {
        List<SecurityMatrixIT.Route> routes = SecurityMatrixIT.homeserverRoutes().stream()
                .filter(r -> !r.path().endsWith("/logout") && !r.path().endsWith("/logout/all")).toList();
        return Arbitraries.randomValue(random -> homeserverCase(new Gen(random), routes, room, alice, asToken,
                random.nextInt(1_000_000_000)));
    }

    @Provide
    Arbitrary<Case> bridgeCases() {
        String hsToken = bridge.config().appservice().hsToken();
        return Arbitraries.randomValue(random -> bridgeCase(new Gen(random), hsToken, random.nextInt(1_000_000_000)));
    }

    /** Tries: jqwik's default (1000) in mvn verify; -Djqwik.tries.default (10 000 in the long profile). */
    @Property(shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void homeserver_generatedRequest_no5xx_rightErrcode(@ForAll("homeserverCases") Case c) {
        check("homeserver", hs.port(), c);
    }

    @Property(shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void bridge_generatedRequest_no5xx_rightErrcode(@ForAll("bridgeCases") Case c) {
        check("bridge", bridge.asPort(), c);
    }

    @AfterProperty
    void bothStillServing() {
        assertServing(hs.baseUrl() + "/health");
        assertServing("http://127.0.0.1:" + bridge.asPort() + "/health");
        assertTrue(bridge.bridge().isHealthy(), "the bridge is healthy after the fuzz");
        HomeserverClient api = HomeserverClient.anonymous(hs.baseUrl()).withToken(alice.accessToken());
        MatrixClient after = new MatrixClient(alice.userId(), api);
        String text = "still here " + System.nanoTime();
        RoomId fresh = api.createRoom(CreateRoomRequest.named("after-fuzz")); // the fuzz may have left the room
        after.sendText(fresh, text);
        after.awaitText(fresh, text, Duration.ofSeconds(15));
    }

    private static void assertServing(String healthUrl) {
        Rel.Resp health = Rel.send("GET", healthUrl, null, (byte[]) null);
        assertEquals(200, health.status(), "still serving /health: " + health);
    }

    private static void check(String target, int port, Case c) {
        Rel.Resp r;
        String problem = null;
        try {
            r = Rel.raw(port, c.method(), c.target(), c.token(), c.body());
        } catch (RuntimeException e) {
            r = new Rel.Resp(0, new byte[0]);
            problem = "connection failed: " + e;
        }
        synchronized (STATUSES) {
            STATUSES.computeIfAbsent(target, k -> new TreeMap<>()).merge(Integer.toString(r.status()), 1, Integer::sum);
        }
        if (problem != null) {
            // already set
        } else if (r.status() == 0) {
            problem = "no HTTP answer";
        } else if (r.status() >= 500) {
            problem = "5xx";
        } else if (r.status() >= 400 && !c.method().equals("HEAD") && !Rel.allowed(r.errcode())
                && !(r.status() == 401 && r.json() != null && r.json().has("flows"))) { // a UIA 401 is not an error
            problem = "4xx without an allowed Matrix errcode";
        } else if (!c.expect().equals("any")) {
            Set<String> allowed = Set.of(c.expect().split("\\|"));
            String got = r.status() + " " + r.errcode();
            if (!allowed.contains(got) && !allowed.contains(Integer.toString(r.status()))) {
                problem = "expected " + c.expect();
            }
        }
        if (problem != null && TOLERATE_KNOWN_BUGS) {
            String path = c.target().contains("?") ? c.target().substring(0, c.target().indexOf('?')) : c.target();
            String known = null;
            if (r.status() == 400 && r.body().length == 0 && BAD_ESCAPE.matcher(c.target()).find()) {
                known = "bare 400 for an invalid percent-escape";
            } else if (r.status() == 200 && c.body() != null && new String(c.body(), StandardCharsets.UTF_8)
                    .equals("{\"a\":1}}")) {
                known = "trailing garbage after JSON accepted";
            }
            if (known != null) {
                synchronized (STATUSES) {
                    KNOWN.merge(target + ": " + known, 1, Integer::sum);
                }
                return;
            }
        }
        if (problem != null) {
            String line = problem + " <- " + c.describe() + " -> " + r;
            synchronized (STATUSES) {
                FAILURES.computeIfAbsent(target, k -> new ArrayList<>()).add(line);
            }
            if (!COLLECT) {
                throw new AssertionError(line);
            }
        }
    }

    private static Case homeserverCase(Gen g, List<SecurityMatrixIT.Route> routes, RoomId room, Session alice,
            String asToken, int n) {
        String token = g.chance(0.65) ? alice.accessToken() : g.chance(0.4) ? asToken : g.chance(0.5) ? null
                : g.pick("garbage", "", "Bearer", g.printable(), "x".repeat(5000));
        // Targeted cases whose answer is dictated by the spec.
        switch (g.random.nextInt(12)) {
            case 0 -> {
                String[] p = {"POST", "/_matrix/client/v3/createRoom"};
                return new Case(p[0], p[1], alice.accessToken(), g.malformedJson().getBytes(StandardCharsets.UTF_8),
                        "400 M_NOT_JSON", "malformed JSON");
            }
            case 1 -> {
                int depth = g.between(101, 20_000);
                return new Case("POST", "/_matrix/client/v3/createRoom", alice.accessToken(),
                        g.deep(depth).getBytes(StandardCharsets.UTF_8), "400 M_NOT_JSON|400 M_BAD_JSON",
                        "nesting " + depth);
            }
            case 2 -> {
                if (g.chance(0.15)) {
                    byte[] huge = new byte[g.between(1_048_577, 3_000_000)];
                    java.util.Arrays.fill(huge, (byte) ' ');
                    huge[0] = '{';
                    huge[huge.length - 1] = '}';
                    return new Case("PUT", "/_matrix/client/v3/rooms/" + Rel.enc(room.toString())
                            + "/send/m.room.message/h" + n, alice.accessToken(), huge, "413 M_TOO_LARGE", "huge body");
                }
                String top = g.pick("[]", "\"a string\"", "42", "true", "null", "[{}]");
                return new Case("POST", "/_matrix/client/v3/createRoom", alice.accessToken(),
                        top.getBytes(StandardCharsets.UTF_8), "400 M_BAD_JSON|400 M_NOT_JSON", "top-level non-object");
            }
            case 3 -> {
                String field = g.pick(CREATE_ROOM_FIELDS);
                String wrong = g.pick("5", "[]", "{}", "true", "\"\"", "-1", "[1,2]", "{\"a\":[]}", "\"x\"");
                return new Case("POST", "/_matrix/client/v3/createRoom", alice.accessToken(),
                        ("{\"" + field + "\":" + wrong + "}").getBytes(StandardCharsets.UTF_8), "any", "wrong type "
                        + field);
            }
            case 4 -> {
                String bad = g.pick("!nosigil", "room", "!a", "!:localhost", "%", "%zz", "%c3%28", "!" + "y".repeat(400)
                        + ":localhost", "@user:localhost", "#alias:localhost");
                return new Case("PUT", "/_matrix/client/v3/rooms/" + (bad.startsWith("%") ? bad : Rel.enc(bad))
                        + "/send/m.room.message/b" + n, alice.accessToken(), "{\"body\":\"x\"}".getBytes(),
                        "400 M_INVALID_PARAM|403 M_FORBIDDEN|404 M_NOT_FOUND", "invalid room id " + bad);
            }
            case 5 -> {
                return new Case("GET", "/_matrix/client/v3/" + g.pick("nope", "rooms", "fuzz/" + n, "sync/extra",
                        "account", "profile") + "/x/y", alice.accessToken(), null, "404 M_UNRECOGNIZED", "unknown path");
            }
            case 6 -> {
                SecurityMatrixIT.Route r = g.pick(routes);
                String m = g.pick("PATCH", "OPTIONS", "TRACE", "BREW", "PROPFIND", "get", "post");
                if (m.equalsIgnoreCase(r.method())) {
                    m = "PATCH";
                }
                String valid = r.path().replace("{appserviceId}", "fuzzas").replace("{roomId}", Rel.enc(room.toString()))
                        .replace("{userId}", Rel.enc(alice.userId().toString())).replace("{alias}", Rel.enc("#f:localhost"))
                        .replace("{eventId}", Rel.enc("$e")).replace("{txnId}", "m" + n);
                return new Case(m, valid, alice.accessToken(), null,
                        "405 M_UNRECOGNIZED", "unknown method");
            }
            case 7 -> {
                return new Case("PUT", "/_matrix/client/v3/rooms/" + Rel.enc(room.toString())
                        + "/send/m.room.message/u" + n, alice.accessToken(), g.invalidUtf8Json(),
                        "any", "invalid UTF-8 in a string");
            }
            default -> {
                // Any route, any generated parts.
                SecurityMatrixIT.Route r = g.pick(routes);
                String target = fill(g, r.path(), room, alice, n);
                if (g.chance(0.3)) {
                    target += (target.contains("?") ? "&" : "?") + g.pick("ts=", "user_id=", "timeout=", "since=",
                            "access_token=", "filter=", "userid=", "alias=") + Rel.enc(g.chance(0.5) ? g.anyString()
                            : g.pick("-1", "abc", "1e99", "99999999999999999999", "%zz", "@x:localhost"));
                }
                byte[] body = null;
                if (!r.method().equals("GET") && !r.method().equals("DELETE") || g.chance(0.1)) {
                    List<String> fields = new ArrayList<>(OTHER_FIELDS);
                    fields.addAll(CREATE_ROOM_FIELDS);
                    body = (g.chance(0.85) ? g.jsonObject(3, List.of(g.pick(fields), g.pick(fields), g.pick(fields)))
                            : g.jsonValue(3)).getBytes(StandardCharsets.UTF_8);
                }
                return new Case(r.method(), target, token, body, "any", "route " + r.method() + " " + r.path());
            }
        }
    }

    private static String fill(Gen g, String path, RoomId room, Session alice, int n) {
        return path.replace("{appserviceId}", g.chance(0.5) ? "fuzzas" : Rel.enc(g.anyString() + "x"))
                .replace("{roomId}", g.idSegment("!", room.toString()))
                .replace("{userId}", g.idSegment("@", alice.userId().toString()))
                .replace("{alias}", g.idSegment("#", "#fuzz" + n + ":localhost"))
                .replace("{eventId}", g.idSegment("$", "$abc"))
                .replace("{txnId}", g.chance(0.8) ? "f" + n : g.idSegment("", "t" + n));
    }

    private static Case bridgeCase(Gen g, String hsToken, int n) {
        String token = g.chance(0.8) ? hsToken : g.chance(0.5) ? null : g.printable();
        String prefix = g.chance(0.7) ? "/_matrix/app/v1" : "";
        boolean good = hsToken.equals(token);
        switch (g.random.nextInt(9)) {
            case 0 -> {
                return new Case("PUT", prefix + "/transactions/m" + n, token,
                        g.malformedJson().getBytes(StandardCharsets.UTF_8), good ? "400 M_NOT_JSON" : "any",
                        "malformed transaction");
            }
            case 1 -> {
                int depth = g.between(101, 20_000);
                return new Case("PUT", prefix + "/transactions/d" + n, token, g.deep(depth).getBytes(StandardCharsets.UTF_8),
                        good ? "400 M_NOT_JSON|400 M_BAD_JSON" : "any", "nesting " + depth);
            }
            case 2 -> {
                String bad = g.pick("nosigil", "@", "@:", "@a", "%", "%zz", "%c3%28", "@" + "z".repeat(300) + ":localhost");
                return new Case("GET", prefix + "/users/" + (bad.startsWith("%") ? bad : Rel.enc(bad)), token, null,
                        good ? "400 M_INVALID_PARAM|404 M_NOT_FOUND" : "any", "invalid user id " + bad);
            }
            case 3 -> {
                return new Case(g.pick("DELETE", "PATCH", "BREW", "OPTIONS", "POST"), prefix + "/transactions/x" + n,
                        token, null, "405 M_UNRECOGNIZED", "unknown method");
            }
            case 4 -> {
                return new Case("GET", g.pick("/_matrix/app/v1/thirdparty/network/irc", "/_matrix/app/v1/thirdparty/user/",
                        "/_matrix/app/unstable/transactions/1", "/_matrix/app/v1/nope", "/nope", "/_matrix/app/v2/x",
                        "/_matrix/app/v1/transactions/", "/_matrix/app/v1/users"), token, null,
                        "404 M_UNRECOGNIZED", "unknown path");
            }
            case 5 -> {
                StringBuilder events = new StringBuilder("{\"events\":[");
                int k = g.between(0, 5);
                for (int i = 0; i < k; i++) {
                    events.append(i == 0 ? "" : ",").append(g.chance(0.5) ? g.jsonObject(2, List.of("type", "sender",
                            "room_id", "event_id", "content", "origin_server_ts", "state_key"))
                            : "{\"type\":\"m.room.message\",\"sender\":\"@x:localhost\",\"room_id\":\"!r:localhost\","
                            + "\"event_id\":\"$e" + n + "_" + i + "\",\"origin_server_ts\":1,\"content\":{\"body\":"
                            + Rel.json(g.anyString()) + ",\"msgtype\":\"m.text\"}}");
                }
                events.append("]}");
                return new Case("PUT", prefix + "/transactions/e" + n, token,
                        events.toString().getBytes(StandardCharsets.UTF_8), good ? "200|400 M_BAD_JSON" : "any",
                        "generated events");
            }
            case 6 -> {
                return new Case("GET", g.chance(0.5) ? "/health" : "/health?x=" + Rel.enc(g.anyString()), token, null,
                        "200", "health");
            }
            case 7 -> {
                return new Case("POST", "/_matrix/app/v1/ping", token, (g.chance(0.5) ? g.jsonObject(2,
                        List.of("transaction_id")) : g.jsonValue(2)).getBytes(StandardCharsets.UTF_8), "any", "ping");
            }
            default -> {
                String kind = g.pick("transactions", "users", "rooms");
                String seg = kind.equals("users") ? g.idSegment("@", "@irc.example.org/_x" + n + ":localhost")
                        : kind.equals("rooms") ? g.idSegment("#", "#nothere" + n + ":localhost") : g.idSegment("", "t" + n);
                String method = kind.equals("transactions") ? "PUT" : "GET";
                byte[] body = method.equals("PUT") ? (g.chance(0.7) ? g.jsonObject(2, List.of("events", "ephemeral"))
                        : g.jsonValue(2)).getBytes(StandardCharsets.UTF_8) : null;
                return new Case(method, prefix + "/" + kind + "/" + seg, token, body, "any", "generated " + kind);
            }
        }
    }
}
