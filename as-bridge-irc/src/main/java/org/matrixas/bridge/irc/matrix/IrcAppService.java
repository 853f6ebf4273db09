package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import org.matrixas.bridge.irc.metrics.BridgeMetrics;
import org.matrixas.protocol.appservice.AppService;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;

/** The bridge as as-protocol's {@link AppService}: each call goes to the class that owns it. */
@Singleton
public final class IrcAppService implements AppService {
    private final MatrixToIrc matrixToIrc;
    private final UserQueries userQueries;
    private final AliasQueries aliasQueries;
    private final BridgeMetrics metrics;
    private final FixedRooms fixedRooms;

    @Inject
    IrcAppService(MatrixToIrc matrixToIrc, UserQueries userQueries, AliasQueries aliasQueries, BridgeMetrics metrics,
            FixedRooms fixedRooms) {
        this.fixedRooms = fixedRooms;
        this.metrics = metrics;
        this.matrixToIrc = matrixToIrc;
        this.userQueries = userQueries;
        this.aliasQueries = aliasQueries;
    }

    @Override
    public void onTransaction(String txnId, Transaction transaction) {
        transaction.events().forEach(fixedRooms::onInvite);
        matrixToIrc.onTransaction(transaction);
        metrics.transactionProcessed();
    }

    @Override
    public boolean onUserQuery(UserId userId) {
        boolean found = userQueries.onUserQuery(userId);
        metrics.queryAnswered("user", found);
        return found;
    }

    @Override
    public boolean onAliasQuery(RoomAlias alias) {
        boolean found = aliasQueries.onAliasQuery(alias);
        metrics.queryAnswered("alias", found);
        return found;
    }
}
