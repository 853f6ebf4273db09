package org.matrixas.homeserver.http;

import java.util.Optional;
import org.matrixas.homeserver.account.Secrets;
import org.matrixas.homeserver.account.TokenOwner;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.http.Exchanges;
import org.matrixas.protocol.id.UserId;

/**
 * Turns the access token into a {@link Requester}. An as_token acts as the service's bot, or with
 * {@code ?user_id=} as a user of its namespace (identity assertion); a user of the namespace that does not exist
 * yet is first asked of the service (a user query). Anyone else is {@code 403}.
 */
final class Authenticator {
    private final Services services;

    Authenticator(Services services) {
        this.services = services;
    }

    Requester authenticate(Call call) {
        String token = Exchanges.accessToken(call.exchange()).filter(t -> !t.isEmpty())
                .orElseThrow(() -> MatrixError.M_MISSING_TOKEN.toException());
        Optional<RegisteredService> service = services.registry().byAsToken(token);
        if (service.isPresent()) {
            return asService(call, service.get());
        }
        TokenOwner owner = services.accounts().tokenOwner(token)
                .orElseThrow(() -> MatrixError.M_UNKNOWN_TOKEN.toException());
        if (owner.expired()) {
            throw new SoftLogoutException();
        }
        return new Requester(owner.userId(), owner.deviceId(), Optional.empty(), "t:" + Secrets.sha256Hex(token));
    }

    /**
     * The application service whose as_token was presented: 401 {@code M_MISSING_TOKEN} without a token, 403
     * {@code M_FORBIDDEN} for a user's live token (the wrong kind), 401 {@code M_UNKNOWN_TOKEN} for anything else
     * (with {@code soft_logout} for a user's expired token).
     */
    RegisteredService requireService(Call call) {
        String token = Exchanges.accessToken(call.exchange()).filter(t -> !t.isEmpty())
                .orElseThrow(() -> MatrixError.M_MISSING_TOKEN.toException());
        Optional<RegisteredService> service = services.registry().byAsToken(token);
        if (service.isPresent()) {
            return service.get();
        }
        Optional<TokenOwner> owner = services.accounts().tokenOwner(token);
        if (owner.isPresent() && owner.get().expired()) {
            throw new SoftLogoutException();
        }
        if (owner.isPresent()) {
            throw MatrixError.M_FORBIDDEN.withMessage("only an application service may do this").toException();
        }
        throw MatrixError.M_UNKNOWN_TOKEN.toException();
    }

    /** The application service whose as_token was presented, without identity assertion, if any. */
    Optional<RegisteredService> serviceOf(Call call) {
        return Exchanges.accessToken(call.exchange()).flatMap(t -> services.registry().byAsToken(t));
    }

    private Requester asService(Call call, RegisteredService s) {
        Optional<String> asserted = call.query("user_id");
        UserId user = s.sender();
        if (asserted.isPresent()) {
            user = UserId.parse(asserted.get());
            if (!s.ownsUser(user) || !services.accounts().isLocal(user)) {
                throw MatrixError.M_FORBIDDEN.withMessage("application service may not act as " + user).toException();
            }
            if (!services.queries().userExists(user)) {
                throw MatrixError.M_FORBIDDEN.withMessage("application service has not registered " + user)
                        .toException();
            }
        }
        return new Requester(user, null, Optional.of(s), "as:" + s.id() + ":" + user);
    }
}
