package org.matrixas.bridge.irc.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import java.net.InetSocketAddress;
import org.xnio.Options;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.matrixas.protocol.client.AppServiceClient;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.http.Exchanges;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

/**
 * A homeserver stand-in on loopback that answers the Client-Server calls the bridge makes, records them, and
 * plays the homeserver's part towards the bridge (alias queries, transactions). Virtual users the bridge asserts
 * before registering them are either queried at the bridge (the draft) or refused with 403 (Synapse).
 */
public final class RecordingHomeserver implements AutoCloseable {
    public static final String AS_TOKEN = "as-token-test";
    public static final String HS_TOKEN = "hs-token-test";

    /** How the stand-in treats an asserted user that was never registered. */
    public enum Mode { QUERY_APPSERVICE, REFUSE_UNREGISTERED }

    /** One recorded request; {@code asUser} is the asserted {@code user_id}, if any. */
    public record Call(String method, List<String> path, Optional<String> asUser, Optional<Long> ts, JsonNode body) {
        public boolean is(String m, String first) {
            return method.equals(m) && path.contains(first);
        }
    }

    private final String domain;
    private final Mode mode;
    private final Undertow undertow;
    private final List<Call> calls = new ArrayList<>();
    private final Set<UserId> registered = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<UserId>> members = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile AppServiceClient appService;
    private volatile boolean registrationOpen = true;

    public RecordingHomeserver(String domain, Mode mode) {
        this.domain = domain;
        this.mode = mode;
        this.undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setIoThreads(1).setWorkerThreads(16)
                .setWorkerOption(Options.WORKER_NAME, "test-hs").setHandler(this::handle).build();
        undertow.start();
    }

    public String url() {
        return "http://127.0.0.1:" + ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** Points the stand-in at the bridge (done by the draft registration, or by hand for file registration). */
    public void useAppService(String url) {
        appService = AppServiceClient.builder().baseUrl(url).hsToken(HS_TOKEN).requestTimeout(Duration.ofSeconds(90))
                .build();
    }

    /** While closed, the draft registration answers 503 (a homeserver still starting). */
    public void setRegistrationOpen(boolean open) {
        registrationOpen = open;
    }

    public boolean queryAlias(RoomAlias alias) {
        return appService.queryAlias(alias, Duration.ofSeconds(90));
    }

    public void pushTransaction(String txnId, ClientEvent... events) {
        appService.pushTransaction(txnId, Transaction.of(List.of(events)));
    }

    /** A message event from {@code sender} as the homeserver would push it. */
    public ClientEvent message(UserId sender, RoomId room, String msgtype, String body) {
        ObjectNode content = Json.object().put("msgtype", msgtype).put("body", body);
        return ClientEvent.of(EventId.parse("$ev" + ids.incrementAndGet() + ":" + domain), "m.room.message", sender,
                room, System.currentTimeMillis(), content, null);
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<Call> calls(Predicate<Call> p) {
        return calls().stream().filter(p).toList();
    }

    public Optional<String> roomOf(RoomAlias alias) {
        return Optional.ofNullable(aliases.get(alias.toString()));
    }

    public boolean isRegistered(UserId user) {
        return registered.contains(user);
    }

    private void handle(HttpServerExchange ex) throws Exception {
        if (ex.isInIoThread()) {
            ex.dispatch(this::handle);
            return;
        }
        Exchanges.guard(ex, e -> route(e), Throwable::printStackTrace);
    }

    private void route(HttpServerExchange ex) {
        List<String> seg = List.of(Exchanges.pathSegments(ex));
        String method = ex.getRequestMethod().toString();
        JsonNode body = method.equals("GET") ? Json.object() : Exchanges.readJson(ex, 1 << 20);
        Optional<UserId> as = Exchanges.queryParam(ex, "user_id").map(UserId::parse);
        Optional<Long> ts = Exchanges.queryParam(ex, "ts").map(Long::parseLong);
        synchronized (calls) {
            calls.add(new Call(method, seg, as.map(UserId::toString), ts, body));
        }
        if (!Exchanges.accessToken(ex).map(AS_TOKEN::equals).orElse(false) && !seg.contains("appservice")) {
            Exchanges.sendError(ex, MatrixError.M_UNKNOWN_TOKEN);
            return;
        }
        String path = String.join("/", seg);
        if (path.equals("_matrix/appservice/v1/register") && !registrationOpen) {
            Exchanges.sendError(ex, new MatrixError("M_UNKNOWN", "starting up", 503));
        } else if (path.equals("_matrix/appservice/v1/register")) {
            useAppService(body.path("url").asText());
            Exchanges.sendJson(ex, 200, Json.object().put("hs_token", HS_TOKEN));
        } else if (path.equals("_matrix/client/v3/register")) {
            register(ex, body.path("username").asText());
        } else {
            UserId actor = as.orElse(UserId.of("irc-bridge", domain));
            if (as.isPresent() && !known(actor)) {
                Exchanges.sendError(ex, MatrixError.M_FORBIDDEN.withMessage("Application service has not registered"
                        + " this user (" + actor + ")"));
                return;
            }
            Exchanges.sendJson(ex, 200, answer(method, seg, body, actor));
        }
    }

    private void register(HttpServerExchange ex, String localpart) {
        UserId user = UserId.of(localpart, domain);
        if (!registered.add(user)) {
            Exchanges.sendError(ex, MatrixError.M_USER_IN_USE);
            return;
        }
        Exchanges.sendJson(ex, 200, Json.object().put("user_id", user.toString()));
    }

    private boolean known(UserId user) {
        if (registered.contains(user) || user.localpart().equals("irc-bridge")) {
            return true;
        }
        if (mode == Mode.REFUSE_UNREGISTERED) {
            return false;
        }
        try {
            return appService.queryUser(user, Duration.ofSeconds(30)) && registered.contains(user);
        } catch (MatrixException e) {
            return false;
        }
    }

    private ObjectNode answer(String method, List<String> seg, JsonNode body, UserId actor) {
        String op = seg.size() > 3 ? seg.get(3) : "";
        switch (op) {
            case "createRoom" -> {
                String room = "!room" + ids.incrementAndGet() + ":" + domain;
                members.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(actor);
                if (body.hasNonNull("room_alias_name")) {
                    aliases.put("#" + body.get("room_alias_name").asText() + ":" + domain, room);
                }
                return Json.object().put("room_id", room);
            }
            case "join" -> {
                String target = seg.get(4);
                String room = target.startsWith("#") ? aliases.get(target) : target;
                members.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(actor);
                return Json.object().put("room_id", room);
            }
            case "rooms" -> {
                if (!members.getOrDefault(seg.get(4), Set.of()).contains(actor)) {
                    throw MatrixError.M_FORBIDDEN.withMessage(actor + " is not in the room").toException();
                }
                return Json.object().put("event_id", "$e" + ids.incrementAndGet() + ":" + domain);
            }
            case "directory" -> {
                aliases.put(seg.get(5), body.path("room_id").asText());
                return Json.object();
            }
            case "profile" -> {
                return Json.object();
            }
            default -> throw MatrixError.M_UNRECOGNIZED.withMessage(method + " " + seg).toException();
        }
    }

    @Override
    public void close() {
        undertow.stop();
    }
}
