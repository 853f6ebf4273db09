package org.matrixas.bridge.irc;

import com.google.inject.Inject;
import java.time.Duration;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.irc.BotConnections;
import org.matrixas.bridge.irc.irc.Puppets;
import org.matrixas.bridge.irc.matrix.AppServiceHttp;
import org.matrixas.bridge.irc.matrix.BridgeHealth;
import org.matrixas.bridge.irc.matrix.FixedRooms;
import org.matrixas.bridge.irc.matrix.IrcToMatrix;
import org.matrixas.bridge.irc.matrix.MatrixToIrc;
import org.matrixas.bridge.irc.metrics.BridgeMetrics;
import org.matrixas.bridge.irc.metrics.ConnectionCounts;
import org.matrixas.bridge.irc.registration.ApiRegistrar;
import org.matrixas.bridge.irc.runtime.Lifecycle;
import org.matrixas.bridge.irc.runtime.SerialExecutor;
import org.matrixas.protocol.appservice.AppService;
import org.matrixas.protocol.appservice.AppServiceEndpoint;
import org.matrixas.protocol.appservice.TransactionLog;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.error.MatrixException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the components in order (store, workers, puppets, bots, HTTP server, registration), each registering
 * with the {@link Lifecycle} so that closing stops them in reverse.
 */
final class BridgeRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeRuntime.class);
    private final TransactionLog transactions;
    private final SerialExecutor workers;
    private final BridgeConfig config;
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private final Lifecycle lifecycle;
    private final Puppets puppets;
    private final BotConnections bots;
    private final AppServiceHttp http;
    private final ApiRegistrar registrar;
    private final AppService service;
    private final BridgeHealth health;
    private final HomeserverClient hs;
    private final BridgeMetrics metrics;
    private final FixedRooms fixedRooms;
    private final MatrixToIrc matrixToIrc;
    private final IrcToMatrix ircToMatrix;

    // Parameter order is start order: the store and the workers are created (and registered) first.
    @Inject
    BridgeRuntime(TransactionLog transactions, SerialExecutor workers, BridgeConfig config, Lifecycle lifecycle,
            Puppets puppets, BotConnections bots, AppServiceHttp http, ApiRegistrar registrar, AppService service,
            BridgeHealth health, HomeserverClient hs, BridgeMetrics metrics, FixedRooms fixedRooms,
            MatrixToIrc matrixToIrc, IrcToMatrix ircToMatrix) {
        this.ircToMatrix = ircToMatrix;
        this.fixedRooms = fixedRooms;
        this.matrixToIrc = matrixToIrc;
        this.metrics = metrics;
        this.transactions = transactions;
        this.workers = workers;
        this.config = config;
        this.lifecycle = lifecycle;
        this.puppets = puppets;
        this.bots = bots;
        this.http = http;
        this.registrar = registrar;
        this.service = service;
        this.health = health;
        this.hs = hs;
    }

    void start() {
        metrics.connections(this::connectionCounts);
        lifecycle.register("puppets", puppets);
        puppets.start();
        ircToMatrix.resumePending(); // before the bots read new lines, so each channel keeps its order
        bots.start();
        // Stops before the connections: messages under way get a moment to be confirmed and leave the outbox.
        lifecycle.register("Matrix messages under way", () -> matrixToIrc.drain(DRAIN));
        matrixToIrc.resumePending(); // before the first transaction, so each room keeps its order
        http.start();
        lifecycle.register("HTTP server", http);
        String url = config.appservice().effectiveUrl(http.port());
        LOG.info("application service listening on port {}; the homeserver reaches it at {}", http.port(), url);
        if (config.appservice().registerViaApi()) {
            lifecycle.register("registrar", registrar);
            registrar.start(url, this::enable);
        } else {
            enable(config.appservice().hsToken());
        }
    }

    private ConnectionCounts connectionCounts() {
        ConnectionCounts counts = new ConnectionCounts();
        bots.all().forEach(b -> counts.add(ConnectionCounts.Role.BOT, b.session().state()));
        puppets.all().forEach(p -> counts.add(ConnectionCounts.Role.PUPPET, p.session().state()));
        return counts;
    }

    private void enable(String hsToken) {
        http.enable(AppServiceEndpoint.builder().hsToken(hsToken).service(service).transactionLog(transactions)
                .build());
        health.markRegistered();
        ircToMatrix.open();
        workers.submit("bot user", this::ensureBotUser).thenRun(fixedRooms::joinAll);
    }

    /** Synapse creates the sender user itself; other homeservers may not. */
    private void ensureBotUser() {
        try {
            hs.ensureAppServiceUser(config.appservice().senderLocalpart(), config.homeserver().domain());
        } catch (MatrixException e) {
            LOG.debug("registering the bot user: {}", e.getMessage());
        }
    }
}
