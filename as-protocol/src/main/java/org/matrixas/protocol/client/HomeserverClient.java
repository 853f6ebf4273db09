package org.matrixas.protocol.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.http.PercentCodec;
import org.matrixas.protocol.id.EventId;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;
import org.matrixas.protocol.registration.RegisterRequest;
import org.matrixas.protocol.registration.RegisterResponse;

/**
 * A <a href="https://spec.matrix.org/v1.13/client-server-api/">Client-Server API</a> client with what an
 * application service (or a bot, or a test) needs, on {@code /_matrix/client/v3} paths with the token in
 * {@code Authorization: Bearer}.
 *
 * <p>With an {@code as_token}, {@link #as(UserId)} returns a client that asserts another identity
 * ({@code ?user_id=}, <a href="https://spec.matrix.org/v1.13/application-service-api/#identity-assertion">spec</a>),
 * and the send calls take a {@code ts} for timestamp massaging. Errors throw {@link MatrixException}. Instances
 * are immutable and thread-safe.
 */
public final class HomeserverClient {
    private static final String V3 = "/_matrix/client/v3";
    private static final AtomicLong TXN = new AtomicLong();
    private final String baseUrl;
    private final String accessToken;
    private final UserId assertedUser;
    private final HttpClient http;
    private final Duration timeout;

    private HomeserverClient(String baseUrl, String accessToken, UserId assertedUser, HttpClient http, Duration timeout) {
        this.baseUrl = Http.stripSlash(baseUrl);
        this.accessToken = accessToken;
        this.assertedUser = assertedUser;
        this.http = http;
        this.timeout = timeout;
    }

    /** A client for {@code baseUrl} (e.g. {@code http://127.0.0.1:8008}) using {@code accessToken}. */
    public static HomeserverClient create(String baseUrl, String accessToken) {
        return new HomeserverClient(baseUrl, accessToken, null, Http.newClient(Duration.ofSeconds(5)), Duration.ofSeconds(60));
    }

    /**
     * A client that shares {@code http} (its connection pool and selector thread) with other clients; the
     * caller owns {@code http}.
     */
    public static HomeserverClient create(String baseUrl, String accessToken, HttpClient http) {
        return new HomeserverClient(baseUrl, accessToken, null, Objects.requireNonNull(http, "http is null"),
                Duration.ofSeconds(60));
    }

    /** A client without a token, for registering, logging in and the draft registration API. */
    public static HomeserverClient anonymous(String baseUrl) {
        return create(baseUrl, null);
    }

    /** The same client acting as {@code user} through identity assertion. */
    public HomeserverClient as(UserId user) {
        return new HomeserverClient(baseUrl, accessToken, Objects.requireNonNull(user, "user is null"), http, timeout);
    }

    /** The same client with another access token (e.g. after a login). */
    public HomeserverClient withToken(String token) {
        return new HomeserverClient(baseUrl, token, assertedUser, http, timeout);
    }

    public HomeserverClient withTimeout(Duration t) {
        return new HomeserverClient(baseUrl, accessToken, assertedUser, http, AppServiceClient.positive(t, "timeout"));
    }

    public String baseUrl() {
        return baseUrl;
    }

    // --- accounts ---------------------------------------------------------------------------------------------

    /** Registers a user in the service's namespace ({@code m.login.application_service}); needs the as_token. */
    public UserId registerAppServiceUser(String localpart) {
        ObjectNode body = Json.object().put("type", "m.login.application_service").put("username", localpart)
                .put("inhibit_login", true);
        return UserId.parse(post(V3 + "/register", body).path("user_id").asText());
    }

    /** Like {@link #registerAppServiceUser} but a user that already exists is not an error. */
    public UserId ensureAppServiceUser(String localpart, String serverName) {
        try {
            return registerAppServiceUser(localpart);
        } catch (MatrixException e) {
            if (e.error().is(MatrixError.M_USER_IN_USE)) {
                return UserId.parse("@" + localpart + ":" + serverName);
            }
            throw e;
        }
    }

    /** Registers a human with a password, completing the {@code m.login.dummy} stage. */
    public Session registerUser(String username, String password) {
        ObjectNode body = Json.object().put("username", username).put("password", password);
        body.putObject("auth").put("type", "m.login.dummy");
        return Json.mapper().convertValue(post(V3 + "/register", body), Session.class);
    }

    public Session login(String user, String password) {
        ObjectNode body = Json.object().put("type", "m.login.password").put("password", password);
        body.putObject("identifier").put("type", "m.id.user").put("user", user);
        return Json.mapper().convertValue(post(V3 + "/login", body), Session.class);
    }

    public UserId whoami() {
        return UserId.parse(get(V3 + "/account/whoami").path("user_id").asText());
    }

    public void setDisplayName(UserId user, String name) {
        put(V3 + "/profile/" + enc(user) + "/displayname", Json.object().put("displayname", name));
    }

    public Optional<String> displayName(UserId user) {
        JsonNode n = get(V3 + "/profile/" + enc(user) + "/displayname").get("displayname");
        return n != null && n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
    }

    // --- rooms ------------------------------------------------------------------------------------------------

    public RoomId createRoom(CreateRoomRequest request) {
        return RoomId.parse(post(V3 + "/createRoom", Json.mapper().valueToTree(request)).path("room_id").asText());
    }

    /** Joins by room ID or alias; returns the room ID. */
    public RoomId join(String roomIdOrAlias) {
        return RoomId.parse(post(V3 + "/join/" + PercentCodec.encode(roomIdOrAlias), Json.object()).path("room_id").asText());
    }

    public void leave(RoomId room) {
        post(V3 + "/rooms/" + enc(room) + "/leave", Json.object());
    }

    public void invite(RoomId room, UserId user) {
        post(V3 + "/rooms/" + enc(room) + "/invite", Json.object().put("user_id", user.toString()));
    }

    public void kick(RoomId room, UserId user, String reason) {
        ObjectNode body = Json.object().put("user_id", user.toString());
        if (reason != null) {
            body.put("reason", reason);
        }
        post(V3 + "/rooms/" + enc(room) + "/kick", body);
    }

    /** The users joined to {@code room} now ({@code GET /rooms/{roomId}/joined_members}). */
    public List<UserId> joinedMembers(RoomId room) {
        List<UserId> out = new ArrayList<>();
        get(V3 + "/rooms/" + enc(room) + "/joined_members").path("joined").fieldNames()
                .forEachRemaining(u -> out.add(UserId.parse(u)));
        return out;
    }

    public List<RoomId> joinedRooms() {
        List<RoomId> out = new ArrayList<>();
        get(V3 + "/joined_rooms").path("joined_rooms").forEach(n -> out.add(RoomId.parse(n.asText())));
        return out;
    }

    /** Sends a message event; {@code ts} (may be null) massages {@code origin_server_ts} for an AS. */
    public EventId send(RoomId room, String type, ObjectNode content, Long ts) {
        return send(room, type, content, ts, newTxnId());
    }

    /**
     * Sends a message event with the caller's transaction ID: sending again with the same {@code txnId} (as the same
     * user) gives the first event's ID instead of a second event, so a caller that does not know whether an earlier
     * attempt arrived can simply repeat it. Homeservers keep transaction IDs for a limited time.
     */
    public EventId send(RoomId room, String type, ObjectNode content, Long ts, String txnId) {
        String path = V3 + "/rooms/" + enc(room) + "/send/" + PercentCodec.encode(type) + "/"
                + PercentCodec.encode(txnId);
        return EventId.parse(put(path + tsParam(ts), content).path("event_id").asText());
    }

    public EventId sendText(RoomId room, String body) {
        return send(room, "m.room.message", Json.object().put("msgtype", "m.text").put("body", body), null);
    }

    public EventId sendState(RoomId room, String type, String stateKey, ObjectNode content, Long ts) {
        String path = V3 + "/rooms/" + enc(room) + "/state/" + PercentCodec.encode(type) + "/" + PercentCodec.encode(stateKey);
        return EventId.parse(put(path + tsParam(ts), content).path("event_id").asText());
    }

    /** The content of a state event, empty when there is none. */
    public Optional<ObjectNode> state(RoomId room, String type, String stateKey) {
        try {
            JsonNode n = get(V3 + "/rooms/" + enc(room) + "/state/" + PercentCodec.encode(type) + "/"
                    + PercentCodec.encode(stateKey));
            return n instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
        } catch (MatrixException e) {
            if (e.error().is(MatrixError.M_NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Redacts {@code event}
     * (<a href="https://spec.matrix.org/v1.13/client-server-api/#put_matrixclientv3roomsroomidredacteventidtxnid">spec</a>),
     * as the asserted user if any; {@code reason} may be null. Returns the ID of the {@code m.room.redaction}.
     *
     * @throws MatrixException 403 {@code M_FORBIDDEN} without the power to redact it, 404 for an unknown event
     */
    public EventId redact(RoomId room, EventId event, String reason) {
        ObjectNode body = Json.object();
        if (reason != null) {
            body.put("reason", reason);
        }
        String path = V3 + "/rooms/" + enc(room) + "/redact/" + enc(event) + "/" + newTxnId();
        return EventId.parse(put(path, body).path("event_id").asText());
    }

    /** One event of {@code room} as the server has it now (pruned once redacted). */
    public ClientEvent event(RoomId room, EventId event) {
        return Json.mapper().convertValue(get(V3 + "/rooms/" + enc(room) + "/event/" + enc(event)), ClientEvent.class);
    }

    // --- aliases ----------------------------------------------------------------------------------------------

    public void putAlias(RoomAlias alias, RoomId room) {
        put(V3 + "/directory/room/" + enc(alias), Json.object().put("room_id", room.toString()));
    }

    public Optional<RoomId> resolveAlias(RoomAlias alias) {
        try {
            return Optional.of(RoomId.parse(get(V3 + "/directory/room/" + enc(alias)).path("room_id").asText()));
        } catch (MatrixException e) {
            if (e.error().is(MatrixError.M_NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void deleteAlias(RoomAlias alias) {
        call("DELETE", V3 + "/directory/room/" + enc(alias), null);
    }

    /**
     * Lists {@code room} in the public room directory or takes it out
     * (<a href="https://spec.matrix.org/v1.13/client-server-api/#put_matrixclientv3directorylistroomroomid">spec</a>).
     */
    public void setRoomPublished(RoomId room, boolean published) {
        put(V3 + "/directory/list/room/" + enc(room),
                Json.object().put("visibility", published ? "public" : "private"));
    }

    /** Whether the public room directory lists {@code room}. */
    public boolean isRoomPublished(RoomId room) {
        return "public".equals(get(V3 + "/directory/list/room/" + enc(room)).path("visibility").asText());
    }

    // --- media ------------------------------------------------------------------------------------------------

    /**
     * Uploads content ({@code POST /_matrix/media/v3/upload}) and returns its {@code mxc://} URI, e.g. for a long
     * message sent as a file.
     */
    public String uploadMedia(byte[] content, String contentType, String fileName) {
        return media().upload(content, contentType, fileName);
    }

    /**
     * Downloads content by its {@code mxc://} URI: the authenticated
     * {@code GET /_matrix/client/v1/media/download/{serverName}/{mediaId}} (spec v1.11) when this client has a
     * token, falling back to {@code GET /_matrix/media/v3/download/...} when the server does not know the new
     * endpoint (or when there is no token).
     *
     * @throws org.matrixas.protocol.id.InvalidIdException when {@code mxcUri} is not a valid content URI
     * @throws MatrixException 404 {@code M_NOT_FOUND} for unknown media, or any other failure
     */
    public Media downloadMedia(String mxcUri) {
        return media().download(mxcUri);
    }

    private MediaCalls media() {
        return new MediaCalls(http, accessToken != null, path -> request(path, timeout));
    }

    /** A request to {@code path} on this server with this client's token and asserted identity, if any. */
    private HttpRequest.Builder request(String path, Duration t) {
        String full = baseUrl + path;
        if (assertedUser != null) {
            full += (path.indexOf('?') < 0 ? "?" : "&") + "user_id=" + PercentCodec.encode(assertedUser.toString());
        }
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(full)).timeout(t);
        if (accessToken != null) {
            rb.header("Authorization", "Bearer " + accessToken);
        }
        return rb;
    }

    // --- sync, ping, draft registration -------------------------------------------------------------------------

    /** One {@code /sync}; {@code since} may be null; the server holds the request up to {@code wait}. */
    public SyncResponse sync(String since, Duration wait) {
        StringBuilder path = new StringBuilder(V3 + "/sync?timeout=").append(wait.toMillis());
        if (since != null) {
            path.append("&since=").append(PercentCodec.encode(since));
        }
        return SyncResponse.fromJson(call("GET", path.toString(), null, timeout.plus(wait)));
    }

    /** Asks the homeserver to ping the service {@code appServiceId}; returns the round trip in milliseconds. */
    public long pingAppService(String appServiceId, String transactionId) {
        ObjectNode body = Json.object();
        if (transactionId != null) {
            body.put("transaction_id", transactionId);
        }
        return post("/_matrix/client/v1/appservice/" + PercentCodec.encode(appServiceId) + "/ping", body)
                .path("duration_ms").asLong();
    }

    /** The draft's {@code POST /_matrix/appservice/v1/register}. */
    public RegisterResponse registerAppService(RegisterRequest request) {
        return Json.mapper().convertValue(post("/_matrix/appservice/v1/register", Json.mapper().valueToTree(request)),
                RegisterResponse.class);
    }

    /** The draft's {@code POST /_matrix/appservice/v1/unregister}. */
    public void unregisterAppService(String asToken) {
        post("/_matrix/appservice/v1/unregister", Json.object().put("as_token", asToken));
    }

    // --- plumbing ---------------------------------------------------------------------------------------------

    public JsonNode get(String path) {
        return call("GET", path, null);
    }

    public JsonNode post(String path, JsonNode body) {
        return call("POST", path, body);
    }

    public JsonNode put(String path, JsonNode body) {
        return call("PUT", path, body);
    }

    private JsonNode call(String method, String path, JsonNode body) {
        return call(method, path, body, timeout);
    }

    private JsonNode call(String method, String path, JsonNode body, Duration t) {
        HttpRequest.Builder rb = request(path, t).header("Content-Type", "application/json");
        rb.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
        Http.Response r = Http.send(http, rb.build());
        if (!r.ok()) {
            throw new MatrixException(r.error());
        }
        JsonNode json = r.json();
        if (json == null) {
            throw new MatrixException(MatrixError.M_NOT_JSON.withStatus(502).withMessage(method + " " + path
                    + " answered with a body that is not JSON"));
        }
        return json;
    }

    private static String newTxnId() {
        return "t" + System.currentTimeMillis() + "." + TXN.incrementAndGet();
    }

    private static String tsParam(Long ts) {
        return ts == null ? "" : "?ts=" + ts;
    }

    private static String enc(Object id) {
        return PercentCodec.encode(id.toString());
    }
}
