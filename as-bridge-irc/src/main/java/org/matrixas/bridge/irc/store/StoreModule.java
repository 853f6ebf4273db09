package org.matrixas.bridge.irc.store;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.runtime.Lifecycle;
import org.matrixas.protocol.appservice.TransactionLog;

/**
 * Binds the store interfaces to one SQLite database in {@code data_dir}. A PostgreSQL store would be another
 * module binding the same interfaces.
 */
public final class StoreModule extends AbstractModule {

    @Provides
    @Singleton
    SqliteStore sqlite(BridgeConfig config, Clock clock, Lifecycle lifecycle) {
        return lifecycle.register("store", SqliteStore.open(config.dataDir(), clock));
    }

    @Provides
    @Singleton
    RoomStore rooms(SqliteStore store) {
        return new CachingRoomStore(store);
    }

    @Provides
    PuppetNickStore puppetNicks(SqliteStore store) {
        return store;
    }

    @Provides
    PmRoomStore pmRooms(SqliteStore store) {
        return store;
    }

    @Provides
    TransactionLog transactions(SqliteStore store) {
        return store;
    }

    @Provides
    @Singleton
    SqliteAdminStore admin(SqliteStore store, BridgeConfig config, Clock clock) {
        return new SqliteAdminStore(store, new PasswordVault(config.dataDir()), clock);
    }

    @Provides
    AdminRoomStore adminRooms(SqliteAdminStore store) {
        return store;
    }

    @Provides
    PasswordStore passwords(SqliteAdminStore store) {
        return store;
    }

    @Provides
    UserNameStore userNames(SqliteAdminStore store) {
        return store;
    }

    @Provides
    @Singleton
    PlumbedRoomStore plumbedRooms(SqliteStore store, Clock clock) {
        return new SqlitePlumbedRooms(store, clock);
    }

    @Provides
    Outbox outbox(SqliteStore store) {
        return store;
    }

    @Provides
    @Singleton
    Inbox inbox(SqliteStore store, Clock clock) {
        return new SqliteInbox(store, clock);
    }
}
