package org.matrixas.protocol.appservice;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.thirdparty.ThirdPartyLocation;
import org.matrixas.protocol.thirdparty.ThirdPartyProtocol;
import org.matrixas.protocol.thirdparty.ThirdPartyUser;

/**
 * What an application service does when the homeserver calls it. Implement this and mount it with
 * {@link AppServiceEndpoint}; the endpoint checks the {@code hs_token}, parses the request and skips transactions
 * it has already processed, so these methods see each transaction once.
 *
 * @see <a href="https://spec.matrix.org/v1.13/application-service-api/#pushing-events">Pushing events</a>
 */
public interface AppService {

    /**
     * Handles a transaction. Returning normally answers 200; throwing answers an error and the homeserver will
     * retry the same transaction later.
     */
    void onTransaction(String txnId, Transaction transaction);

    /**
     * The homeserver met an unknown user in the service's namespace. Create it now through the Client-Server API
     * (the homeserver waits) and return {@code true}, or return {@code false} if it does not exist remotely.
     */
    default boolean onUserQuery(UserId userId) {
        return false;
    }

    /**
     * Someone asked for an unknown alias in the service's namespace. Create the room and bind the alias now
     * (the homeserver waits) and return {@code true}, or return {@code false}.
     */
    default boolean onAliasQuery(RoomAlias alias) {
        return false;
    }

    /** The homeserver pinged the service ({@code POST /_matrix/app/v1/ping}). */
    default void onPing(String transactionId) {
    }

    // --- third-party networks: an empty answer is 404 M_NOT_FOUND; throw a MatrixException for bad fields -----

    /**
     * The metadata of {@code protocol} ({@code GET /_matrix/app/v1/thirdparty/protocol/{protocol}}), or empty for a
     * protocol the service does not provide.
     *
     * @see <a href="https://spec.matrix.org/v1.13/application-service-api/#third-party-networks">Third-party
     *     networks</a>
     */
    default Optional<ThirdPartyProtocol> onThirdPartyProtocol(String protocol) {
        return Optional.empty();
    }

    /**
     * The locations of {@code protocol} that match {@code fields} (the query parameters, without the token)
     * ({@code GET /_matrix/app/v1/thirdparty/location/{protocol}}).
     */
    default List<ThirdPartyLocation> onThirdPartyLocations(String protocol, Map<String, String> fields) {
        return List.of();
    }

    /** The users of {@code protocol} that match {@code fields} ({@code GET /_matrix/app/v1/thirdparty/user/{protocol}}). */
    default List<ThirdPartyUser> onThirdPartyUsers(String protocol, Map<String, String> fields) {
        return List.of();
    }

    /** The locations behind {@code alias} ({@code GET /_matrix/app/v1/thirdparty/location?alias=}). */
    default List<ThirdPartyLocation> onThirdPartyLocationsFor(RoomAlias alias) {
        return List.of();
    }

    /** The remote users behind {@code userId} ({@code GET /_matrix/app/v1/thirdparty/user?userid=}). */
    default List<ThirdPartyUser> onThirdPartyUsersFor(UserId userId) {
        return List.of();
    }
}
