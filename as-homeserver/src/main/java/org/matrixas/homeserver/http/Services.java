package org.matrixas.homeserver.http;

import java.util.Objects;
import org.matrixas.homeserver.account.Accounts;
import org.matrixas.homeserver.config.HomeserverConfig;
import org.matrixas.homeserver.ephemeral.Ephemeral;
import org.matrixas.homeserver.media.MediaStore;
import org.matrixas.homeserver.metrics.Metrics;
import org.matrixas.homeserver.query.QueryService;
import org.matrixas.homeserver.query.ThirdPartyService;
import org.matrixas.homeserver.registration.AppServiceRegistry;
import org.matrixas.homeserver.room.Aliases;
import org.matrixas.homeserver.room.RoomHistory;
import org.matrixas.homeserver.room.Rooms;
import org.matrixas.homeserver.sync.Filters;
import org.matrixas.homeserver.sync.SyncService;
import org.matrixas.homeserver.txn.Pipeline;

/** What the HTTP handlers work with; assembled once by the homeserver. */
public record Services(
        HomeserverConfig config,
        Accounts accounts,
        AppServiceRegistry registry,
        Rooms rooms,
        RoomHistory history,
        Aliases aliases,
        QueryService queries,
        SyncService sync,
        Filters filters,
        Ephemeral ephemeral,
        ThirdPartyService thirdParty,
        Pipeline pipeline,
        MediaStore media,
        Metrics metrics) {

    public Services {
        Objects.requireNonNull(config, "config is null");
        Objects.requireNonNull(accounts, "accounts is null");
        Objects.requireNonNull(registry, "registry is null");
        Objects.requireNonNull(rooms, "rooms is null");
        Objects.requireNonNull(history, "history is null");
        Objects.requireNonNull(aliases, "aliases is null");
        Objects.requireNonNull(queries, "queries is null");
        Objects.requireNonNull(sync, "sync is null");
        Objects.requireNonNull(filters, "filters is null");
        Objects.requireNonNull(ephemeral, "ephemeral is null");
        Objects.requireNonNull(thirdParty, "thirdParty is null");
        Objects.requireNonNull(pipeline, "pipeline is null");
        Objects.requireNonNull(media, "media is null");
        Objects.requireNonNull(metrics, "metrics is null");
    }

    String serverName() {
        return config.serverName();
    }
}
