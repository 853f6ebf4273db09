package org.matrixas.homeserver.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matrixas.protocol.error.MatrixError;

/**
 * Routes by method and path segments. A pattern segment is a literal, {@code {name}} (one non-empty segment) or
 * {@code {name?}} (a segment that may be empty, for the empty state key). A known path with another method is
 * {@code 405}; an unknown path is {@code 404 M_UNRECOGNIZED}.
 */
final class Router {
    /** Handles one call; returns the JSON body of a 200, or a {@link Reply}. */
    @FunctionalInterface
    interface Handler {
        Object handle(Call call) throws Exception;
    }

    /**
     * The token a route needs, checked before anything else: none (public, or the token is in the body), a user's
     * or a service's ({@code USER}), or only a service's ({@code SERVICE}).
     */
    enum Auth { NONE, USER, SERVICE }

    record Route(String method, String[] pattern, Auth auth, Handler handler) {
    }

    record Match(Route route, Map<String, String> params) {
    }

    private static final String[] CLIENT_PREFIXES = {"/_matrix/client/v3", "/_matrix/client/r0"};
    private final List<Route> routes = new ArrayList<>();

    void add(String method, String path, Auth auth, Handler handler) {
        routes.add(new Route(method, path.substring(1).split("/", -1), auth, handler));
    }

    /** Adds a Client-Server route under both {@code v3} and {@code r0}. */
    void client(String method, String path, Auth auth, Handler handler) {
        for (String prefix : CLIENT_PREFIXES) {
            add(method, prefix + path, auth, handler);
        }
    }

    /** Every route, in the order added (for the security tests). */
    List<Route> routes() {
        return List.copyOf(routes);
    }

    Match match(String method, String[] segments) {
        boolean pathKnown = false;
        for (Route r : routes) {
            Optional<Map<String, String>> params = bind(r.pattern(), segments);
            if (params.isPresent()) {
                if (r.method().equals(method)) {
                    return new Match(r, params.get());
                }
                pathKnown = true;
            }
        }
        if (pathKnown) {
            throw MatrixError.M_METHOD_NOT_ALLOWED.withMessage("method " + method + " is not allowed here").toException();
        }
        throw MatrixError.M_UNRECOGNIZED.withMessage("unrecognized request: " + method + " /"
                + String.join("/", segments)).toException();
    }

    private static Optional<Map<String, String>> bind(String[] pattern, String[] segments) {
        if (pattern.length != segments.length) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{")) {
                boolean optional = p.endsWith("?}");
                if (segments[i].isEmpty() && !optional) {
                    return Optional.empty();
                }
                params.put(p.substring(1, p.length() - (optional ? 2 : 1)), segments[i]);
            } else if (!p.equals(segments[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }
}
