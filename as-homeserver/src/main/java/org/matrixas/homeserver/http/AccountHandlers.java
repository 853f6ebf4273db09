package org.matrixas.homeserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.matrixas.homeserver.account.LoginGrant;
import org.matrixas.homeserver.account.Profile;
import org.matrixas.homeserver.account.Secrets;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

/** Versions, login, registration (humans and application services), whoami and profiles. */
final class AccountHandlers {
    private static final String AS_LOGIN = "m.login.application_service";
    private final Services s;
    private final Authenticator auth;

    AccountHandlers(Services services, Authenticator auth) {
        this.s = services;
        this.auth = auth;
    }

    void register(Router r) {
        r.add("GET", "/_matrix/client/versions", Router.Auth.NONE, c -> versions());
        r.client("GET", "/login", Router.Auth.NONE, c -> loginFlows());
        r.client("POST", "/login", Router.Auth.NONE, this::postLogin);
        r.client("POST", "/register", Router.Auth.NONE, this::postRegister);
        r.client("GET", "/account/whoami", Router.Auth.USER, this::getWhoami);
        r.client("POST", "/logout", Router.Auth.USER, this::postLogout);
        r.client("POST", "/logout/all", Router.Auth.USER, this::postLogoutAll);
        r.client("GET", "/profile/{userId}", Router.Auth.NONE, this::getProfile);
        r.client("GET", "/profile/{userId}/displayname", Router.Auth.NONE, c -> profileField(c, "displayname"));
        r.client("GET", "/profile/{userId}/avatar_url", Router.Auth.NONE, c -> profileField(c, "avatar_url"));
        r.client("PUT", "/profile/{userId}/displayname", Router.Auth.USER, c -> putProfile(c, "displayname"));
        r.client("PUT", "/profile/{userId}/avatar_url", Router.Auth.USER, c -> putProfile(c, "avatar_url"));
    }

    private static Object versions() {
        ObjectNode out = Json.object();
        ArrayNode v = out.putArray("versions");
        for (int i = 1; i <= 13; i++) {
            v.add("v1." + i);
        }
        out.putObject("unstable_features");
        return out;
    }

    private static Object loginFlows() {
        ObjectNode out = Json.object();
        ArrayNode flows = out.putArray("flows");
        flows.addObject().put("type", "m.login.password");
        flows.addObject().put("type", AS_LOGIN);
        return out;
    }

    private Object postLogin(Call c) {
        String type = c.string("type");
        UserId user = loginUser(c);
        if (type.equals("m.login.password")) {
            String password = c.string("password");
            if (s.accounts().checkPassword(user, password).isEmpty()) {
                throw MatrixError.M_FORBIDDEN.withMessage("invalid user name or password").toException();
            }
        } else if (type.equals(AS_LOGIN)) {
            RegisteredService service = requireService(c);
            if (!service.ownsUser(user) || !s.queries().userExists(user)) {
                throw MatrixError.M_FORBIDDEN.withMessage("application service may not log in as " + user).toException();
            }
        } else {
            throw new MatrixError("M_UNKNOWN", "unknown login type " + type, 400).toException();
        }
        return grant(s.accounts().issueToken(user, c.optString("device_id").orElse(null)));
    }

    private UserId loginUser(Call c) {
        JsonNode id = c.body().path("identifier");
        String name;
        if (id.isObject()) {
            if (!"m.id.user".equals(id.path("type").asText())) {
                throw new MatrixError("M_UNKNOWN", "only m.id.user identifiers are supported", 400).toException();
            }
            name = id.path("user").asText("");
        } else {
            name = c.optString("user").orElse("");
        }
        if (name.isEmpty()) {
            throw MatrixError.M_MISSING_PARAM.withMessage("identifier.user is required").toException();
        }
        return name.startsWith("@") ? UserId.parse(name) : new UserId(name.toLowerCase(java.util.Locale.ROOT),
                s.serverName());
    }

    private Object postRegister(Call c) {
        if (c.query("kind").orElse("user").equals("guest")) {
            throw MatrixError.M_GUEST_ACCESS_FORBIDDEN.withMessage("guest access is not supported").toException();
        }
        String type = c.optString("type").orElse(c.body().path("auth").path("type").asText(""));
        if (type.equals(AS_LOGIN)) {
            return registerServiceUser(c);
        }
        if (!s.config().enableRegistration()) {
            throw MatrixError.M_FORBIDDEN.withMessage("registration is disabled").toException();
        }
        UserId user = newUser(c.optString("username").orElse("u" + Secrets.letters(12)));
        s.registry().checkUserCreation(user, null);
        if (s.accounts().exists(user)) {
            throw MatrixError.M_USER_IN_USE.withMessage("user ID " + user + " is already taken").toException();
        }
        JsonNode authNode = c.body().get("auth");
        if (authNode == null || !"m.login.dummy".equals(authNode.path("type").asText())) {
            ObjectNode uia = Json.object().put("session", Secrets.random(16));
            uia.putArray("flows").addObject().putArray("stages").add("m.login.dummy");
            uia.putObject("params");
            return new Reply(401, uia);
        }
        s.accounts().create(user, c.optString("password").orElse(null), null);
        return afterRegister(c, user);
    }

    private Object registerServiceUser(Call c) {
        RegisteredService service = requireService(c);
        String name = c.optString("username").or(() -> c.optString("user"))
                .orElseThrow(() -> MatrixError.M_MISSING_PARAM.withMessage("'username' is required").toException());
        UserId user = name.startsWith("@") ? UserId.parse(name) : newUser(name);
        if (!s.accounts().isLocal(user) || !user.isStrict()) {
            throw MatrixError.M_INVALID_USERNAME.withMessage("user ID " + user + " is not valid here").toException();
        }
        s.registry().checkUserCreation(user, service);
        s.accounts().create(user, null, service.id());
        return afterRegister(c, user);
    }

    private RegisteredService requireService(Call c) {
        return auth.requireService(c);
    }

    private UserId newUser(String localpart) {
        if (!UserId.isStrictLocalpart(localpart)) {
            throw MatrixError.M_INVALID_USERNAME.withMessage("user name may only contain a-z 0-9 . _ = - / +")
                    .toException();
        }
        return UserId.of(localpart, s.serverName());
    }

    private Object afterRegister(Call c, UserId user) {
        if (c.bool("inhibit_login")) {
            return Json.object().put("user_id", user.toString()).put("home_server", s.serverName());
        }
        return grant(s.accounts().issueToken(user, c.optString("device_id").orElse(null)));
    }

    private Object grant(LoginGrant g) {
        ObjectNode out = Json.object().put("user_id", g.userId().toString()).put("access_token", g.accessToken())
                .put("device_id", g.deviceId()).put("home_server", s.serverName());
        if (!g.lifetime().isZero()) {
            out.put("expires_in_ms", g.lifetime().toMillis());
        }
        return out;
    }

    /** Deletes the presented token: it then gets 401 {@code M_UNKNOWN_TOKEN} (no soft logout). */
    private Object postLogout(Call c) {
        if (c.requester().isAppService()) {
            throw MatrixError.M_FORBIDDEN.withMessage("an as_token cannot be logged out").toException();
        }
        s.accounts().revokeToken(c.accessToken());
        return Json.object();
    }

    /** Deletes every token of the requester, this one included. */
    private Object postLogoutAll(Call c) {
        if (c.requester().isAppService()) {
            throw MatrixError.M_FORBIDDEN.withMessage("an as_token cannot be logged out").toException();
        }
        s.accounts().revokeAllTokens(c.requester().user());
        return Json.object();
    }

    private Object getWhoami(Call c) {
        Requester r = c.requester();
        ObjectNode out = Json.object().put("user_id", r.user().toString()).put("is_guest", false);
        if (r.deviceId() != null) {
            out.put("device_id", r.deviceId());
        }
        return out;
    }

    private Profile profile(Call c) {
        UserId user = c.userId("userId");
        if (!s.queries().userExists(user)) {
            throw MatrixError.M_NOT_FOUND.withMessage("unknown user " + user).toException();
        }
        return s.accounts().profile(user).orElseThrow(() -> MatrixError.M_NOT_FOUND.toException());
    }

    private Object getProfile(Call c) {
        Profile p = profile(c);
        ObjectNode out = Json.object();
        p.displayName().ifPresent(n -> out.put("displayname", n));
        p.avatarUrl().ifPresent(u -> out.put("avatar_url", u));
        return out;
    }

    private Object profileField(Call c, String field) {
        Profile p = profile(c);
        Optional<String> v = field.equals("displayname") ? p.displayName() : p.avatarUrl();
        ObjectNode out = Json.object();
        v.ifPresent(x -> out.put(field, x));
        return out;
    }

    private Object putProfile(Call c, String field) {
        UserId user = c.userId("userId");
        if (!user.equals(c.requester().user())) {
            throw MatrixError.M_FORBIDDEN.withMessage("cannot change the profile of " + user).toException();
        }
        String value = c.optString(field).orElse(null);
        if (field.equals("displayname")) {
            s.accounts().setDisplayName(user, value);
        } else {
            s.accounts().setAvatarUrl(user, value);
        }
        s.rooms().refreshProfile(user);
        return Json.object();
    }
}
