package org.matrixas.homeserver.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

/**
 * The third-party lookups of the Client-Server API, fanned out to the services that declare the protocol, and
 * the draft's URI lookups ({@code GET /_matrix/app/v1/user?uri=}, {@code /alias?uri=}) answered from the same
 * data: the URI's scheme names the protocol and the URI itself is passed to the services as the field {@code uri}.
 */
final class ThirdPartyHandlers {
    private final Services s;

    ThirdPartyHandlers(Services services) {
        this.s = services;
    }

    void register(Router r) {
        r.client("GET", "/thirdparty/protocols", Router.Auth.USER, c -> s.thirdParty().protocols());
        r.client("GET", "/thirdparty/protocol/{protocol}", Router.Auth.USER, this::getProtocol);
        r.client("GET", "/thirdparty/user/{protocol}", Router.Auth.USER, c -> lookup(c, "user"));
        r.client("GET", "/thirdparty/location/{protocol}", Router.Auth.USER, c -> lookup(c, "location"));
        r.client("GET", "/thirdparty/user", Router.Auth.USER,
                c -> s.thirdParty().reverseUser(UserId.parse(required(c, "userid"))));
        r.client("GET", "/thirdparty/location", Router.Auth.USER,
                c -> s.thirdParty().reverseLocation(RoomAlias.parse(required(c, "alias"))));
        r.add("GET", "/_matrix/app/v1/user", Router.Auth.USER, c -> byUri(c, "user", "userid", "user_id"));
        r.add("GET", "/_matrix/app/v1/alias", Router.Auth.USER, c -> byUri(c, "location", "alias", "alias"));
    }

    private Object getProtocol(Call c) {
        String protocol = c.param("protocol");
        return s.thirdParty().protocol(protocol).orElseThrow(() -> MatrixError.M_NOT_FOUND
                .withMessage("no application service provides protocol " + protocol).toException());
    }

    private Object lookup(Call c, String kind) {
        return s.thirdParty().lookup(kind, c.param("protocol"), fields(c));
    }

    private static String required(Call c, String name) {
        return c.query(name).filter(v -> !v.isEmpty()).orElseThrow(() -> MatrixError.M_MISSING_PARAM
                .withMessage("query parameter '" + name + "' is required").toException());
    }

    /** The query parameters except the access token, which must never reach a service. */
    private static Map<String, String> fields(Call c) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : org.matrixas.protocol.http.Exchanges.queryParams(c.exchange()).entrySet()) {
            if (!e.getKey().equals("access_token") && !e.getKey().equals("user_id")) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private Object byUri(Call c, String kind, String field, String answerKey) {
        String uri = required(c, "uri");
        String scheme;
        try {
            scheme = URI.create(uri).getScheme();
        } catch (IllegalArgumentException e) {
            scheme = null;
        }
        if (scheme == null) {
            throw MatrixError.M_INVALID_PARAM.withMessage("uri must be absolute, as in irc://host/name").toException();
        }
        for (var match : s.thirdParty().lookup(kind, scheme, Map.of("uri", uri))) {
            if (match.path(field).isTextual()) {
                var out = Json.object().put(answerKey, match.get(field).asText()).put("protocol", scheme);
                out.set("fields", match.path("fields").deepCopy());
                return out;
            }
        }
        throw MatrixError.M_NOT_FOUND.withMessage("no application service knows " + uri).toException();
    }
}
