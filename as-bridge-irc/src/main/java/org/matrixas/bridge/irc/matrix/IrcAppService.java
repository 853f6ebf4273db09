package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Singleton;
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

    @Inject
    IrcAppService(MatrixToIrc matrixToIrc, UserQueries userQueries, AliasQueries aliasQueries) {
        this.matrixToIrc = matrixToIrc;
        this.userQueries = userQueries;
        this.aliasQueries = aliasQueries;
    }

    @Override
    public void onTransaction(String txnId, Transaction transaction) {
        matrixToIrc.onTransaction(transaction);
    }

    @Override
    public boolean onUserQuery(UserId userId) {
        return userQueries.onUserQuery(userId);
    }

    @Override
    public boolean onAliasQuery(RoomAlias alias) {
        return aliasQueries.onAliasQuery(alias);
    }
}
