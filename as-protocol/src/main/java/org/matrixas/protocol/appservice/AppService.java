package org.matrixas.protocol.appservice;

import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;

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
}
