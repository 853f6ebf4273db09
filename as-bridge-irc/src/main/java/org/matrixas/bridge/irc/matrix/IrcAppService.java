package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matrixas.bridge.irc.metrics.BridgeMetrics;
import org.matrixas.bridge.irc.thirdparty.IrcThirdParty;
import org.matrixas.protocol.appservice.AppService;
import org.matrixas.protocol.event.Transaction;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.thirdparty.ThirdPartyLocation;
import org.matrixas.protocol.thirdparty.ThirdPartyProtocol;
import org.matrixas.protocol.thirdparty.ThirdPartyUser;

/** The bridge as as-protocol's {@link AppService}: each call goes to the class that owns it. */
@Singleton
public final class IrcAppService implements AppService {
    private final MatrixToIrc matrixToIrc;
    private final UserQueries userQueries;
    private final AliasQueries aliasQueries;
    private final BridgeMetrics metrics;
    private final FixedRooms fixedRooms;
    private final IrcThirdParty thirdParty;

    @Inject
    IrcAppService(MatrixToIrc matrixToIrc, UserQueries userQueries, AliasQueries aliasQueries, BridgeMetrics metrics,
            FixedRooms fixedRooms, IrcThirdParty thirdParty) {
        this.thirdParty = thirdParty;
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

    @Override
    public Optional<ThirdPartyProtocol> onThirdPartyProtocol(String protocol) {
        return thirdParty.protocol(protocol);
    }

    @Override
    public List<ThirdPartyLocation> onThirdPartyLocations(String protocol, Map<String, String> fields) {
        return thirdParty.locations(protocol, fields);
    }

    @Override
    public List<ThirdPartyUser> onThirdPartyUsers(String protocol, Map<String, String> fields) {
        return thirdParty.users(protocol, fields);
    }

    @Override
    public List<ThirdPartyLocation> onThirdPartyLocationsFor(RoomAlias alias) {
        return thirdParty.locationsFor(alias);
    }

    @Override
    public List<ThirdPartyUser> onThirdPartyUsersFor(UserId userId) {
        return thirdParty.usersFor(userId);
    }
}
