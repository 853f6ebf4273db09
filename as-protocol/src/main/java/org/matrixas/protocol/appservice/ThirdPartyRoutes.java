package org.matrixas.protocol.appservice;

import io.undertow.server.HttpServerExchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.http.Exchanges;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;

/**
 * The third-party lookups of an {@link AppServiceEndpoint}, below its {@code thirdparty/} segment
 * (<a href="https://spec.matrix.org/v1.13/application-service-api/#third-party-networks">spec</a>):
 * {@code protocol/{protocol}}, {@code location/{protocol}}, {@code user/{protocol}}, {@code location?alias=} and
 * {@code user?userid=}. An empty answer is 404 {@code M_NOT_FOUND}, as the spec asks; the query parameters except
 * {@code access_token} are the lookup fields.
 */
final class ThirdPartyRoutes {
    private final AppService service;

    ThirdPartyRoutes(AppService service) {
        this.service = service;
    }

    /**
     * The handler of the lookup named by {@code seg} (the segments after {@code thirdparty}), or null when it names
     * none; the caller checks the token before running it, and answers an unknown path without checking it, as
     * for every other path.
     */
    Runnable route(HttpServerExchange exchange, List<String> seg) {
        if (seg.size() == 2 && !seg.get(1).isEmpty()) {
            String protocol = seg.get(1);
            return switch (seg.get(0)) {
                case "protocol" -> () -> getProtocol(exchange, protocol);
                case "location" -> () -> answer(exchange, service.onThirdPartyLocations(protocol, fields(exchange)),
                        "no location of " + protocol + " matches");
                case "user" -> () -> answer(exchange, service.onThirdPartyUsers(protocol, fields(exchange)),
                        "no user of " + protocol + " matches");
                default -> null;
            };
        }
        if (seg.size() == 1 && seg.get(0).equals("location")) {
            return () -> {
                RoomAlias alias = RoomAlias.parse(required(exchange, "alias"));
                answer(exchange, service.onThirdPartyLocationsFor(alias), "no location behind " + alias);
            };
        }
        if (seg.size() == 1 && seg.get(0).equals("user")) {
            return () -> {
                UserId user = UserId.parse(required(exchange, "userid"));
                answer(exchange, service.onThirdPartyUsersFor(user), "no remote user behind " + user);
            };
        }
        return null;
    }

    private void getProtocol(HttpServerExchange exchange, String protocol) {
        Optional<?> meta = service.onThirdPartyProtocol(protocol);
        if (meta.isEmpty()) {
            Exchanges.sendError(exchange, MatrixError.M_NOT_FOUND.withMessage("no protocol " + protocol));
            return;
        }
        Exchanges.sendJson(exchange, 200, meta.get());
    }

    private static void answer(HttpServerExchange exchange, List<?> matches, String none) {
        if (matches.isEmpty()) {
            Exchanges.sendError(exchange, MatrixError.M_NOT_FOUND.withMessage(none));
            return;
        }
        Exchanges.sendJson(exchange, 200, matches);
    }

    private static String required(HttpServerExchange exchange, String name) {
        return Exchanges.queryParam(exchange, name).filter(v -> !v.isEmpty()).orElseThrow(() ->
                MatrixError.M_MISSING_PARAM.withMessage("query parameter '" + name + "' is required").toException());
    }

    /** The query parameters, without the token: a service must never see it as a lookup field. */
    private static Map<String, String> fields(HttpServerExchange exchange) {
        Map<String, String> out = new LinkedHashMap<>(Exchanges.queryParams(exchange));
        out.remove("access_token");
        return out;
    }
}
