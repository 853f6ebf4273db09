package org.matrixas.homeserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import org.matrixas.homeserver.query.PingRefusedException;
import org.matrixas.homeserver.registration.DraftRegistration;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.http.Exchanges;
import org.matrixas.protocol.json.Json;
import org.matrixas.protocol.namespace.Namespaces;

/** The draft registration API ({@code /_matrix/appservice/v1/register|unregister}) and the stable ping. */
final class AppServiceHandlers {
    private static final String DRAFT = "/_matrix/appservice/v1";
    private final Services s;
    private final Authenticator auth;

    AppServiceHandlers(Services services, Authenticator auth) {
        this.s = services;
        this.auth = auth;
    }

    void register(Router r) {
        r.add("POST", DRAFT + "/register", Router.Auth.NONE, this::postRegister);
        r.add("POST", DRAFT + "/unregister", Router.Auth.NONE, this::postUnregister);
        r.add("POST", "/_matrix/client/v1/appservice/{appserviceId}/ping", Router.Auth.SERVICE, this::postPing);
    }

    private Object postRegister(Call c) {
        String asToken = presentedToken(c);
        if (!s.registry().isPreauthorised(asToken)) {
            throw MatrixError.M_FORBIDDEN.withMessage("this as_token may not use the registration API").toException();
        }
        JsonNode ns = c.body().get("namespaces");
        Namespaces namespaces = ns == null || ns.isNull() ? Namespaces.empty() : Exchanges.bind(ns, Namespaces.class);
        DraftRegistration request = new DraftRegistration(c.optString("url").orElse(null), asToken, namespaces,
                c.optString("id").orElse(null), c.optString("sender_localpart").orElse(null));
        RegisteredService service = s.registry().register(request);
        return Json.object().put("hs_token", service.registration().hsToken());
    }

    private Object postUnregister(Call c) {
        String asToken = presentedToken(c);
        if (!s.registry().unregister(asToken) && !s.registry().isPreauthorised(asToken)) {
            throw MatrixError.M_FORBIDDEN.withMessage("unknown as_token").toException();
        }
        return Json.object();
    }

    /** The as_token of the body; 401 when it is missing. */
    private static String presentedToken(Call c) {
        Optional<String> token = c.optString("as_token").filter(t -> !t.isBlank());
        return token.orElseThrow(() -> MatrixError.M_MISSING_TOKEN.withMessage("as_token is required").toException());
    }

    private Object postPing(Call c) {
        RegisteredService service = auth.requireService(c);
        if (!service.id().equals(c.param("appserviceId"))) {
            throw MatrixError.M_FORBIDDEN.withMessage("this as_token does not belong to " + c.param("appserviceId"))
                    .toException();
        }
        Duration d;
        try {
            d = s.queries().ping(service, c.optString("transaction_id").orElse(null));
        } catch (PingRefusedException e) {
            return new Reply(502, Json.object().put("errcode", MatrixError.M_BAD_STATUS.errcode())
                    .put("error", e.getMessage())
                    .put("status", e.status()).put("body", e.body()));
        }
        s.pipeline().retryNow(service.id());
        return Json.object().put("duration_ms", d.toMillis());
    }
}
