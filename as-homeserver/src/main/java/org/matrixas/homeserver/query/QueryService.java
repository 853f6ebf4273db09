package org.matrixas.homeserver.query;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.matrixas.homeserver.account.Accounts;
import org.matrixas.homeserver.config.AppServiceConfig;
import org.matrixas.homeserver.metrics.Metrics;
import org.matrixas.homeserver.registration.AppServiceRegistry;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.homeserver.room.Aliases;
import org.matrixas.protocol.client.AppServiceClient;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.id.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocking user and alias queries. When a request meets an unknown user or alias inside a service's
 * namespace, the request's thread waits here while the service creates it through the Client-Server API.
 *
 * <p>No lock is held while waiting, so the service's own calls proceed; concurrent queries for the same ID share
 * one call; transport errors and 5xx are retried {@code query_attempts} times, then the client gets 408. After a
 * 200 the homeserver looks again: a service that answered 200 without creating anything yields "not found".
 * Queries use their own HTTP client and threads, so they never wait behind the push pipeline.
 */
public final class QueryService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueryService.class);
    private final AppServiceRegistry registry;
    private final Accounts accounts;
    private final Aliases aliases;
    private final AppServiceConfig config;
    private final Metrics metrics;
    private final HttpClient http;
    private final ExecutorService executor;
    private final Map<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AppServiceClient> clients = new ConcurrentHashMap<>();

    public QueryService(AppServiceRegistry registry, Accounts accounts, Aliases aliases, AppServiceConfig config,
            Metrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
        this.accounts = accounts;
        this.aliases = aliases;
        this.config = config;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "as-query-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Whether the local user exists, asking the service whose namespace holds it if it does not yet.
     *
     * @throws MatrixException 408 when the service did not answer after every attempt
     */
    public boolean userExists(UserId user) {
        if (accounts.exists(user)) {
            return true;
        }
        Optional<RegisteredService> target = registry.userQueryTarget(user).filter(QueryService::reachable);
        if (target.isEmpty() || !accounts.isLocal(user)) {
            return false;
        }
        await(target.get(), "user", user.toString(), () -> client(target.get()).queryUser(user, config.queryTimeout()));
        return accounts.exists(user);
    }

    /** The room of a local alias, asking the service whose namespace holds it if it is unknown. */
    public Optional<RoomId> resolveAlias(RoomAlias alias) {
        Optional<RoomId> room = aliases.resolve(alias);
        if (room.isPresent() || !aliases.isLocal(alias)) {
            return room;
        }
        Optional<RegisteredService> target = registry.aliasQueryTarget(alias).filter(QueryService::reachable);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        await(target.get(), "alias", alias.toString(),
                () -> client(target.get()).queryAlias(alias, config.queryTimeout()));
        return aliases.resolve(alias);
    }

    /**
     * Pings a service ({@code POST /_matrix/app/v1/ping}) and returns the round trip.
     *
     * @throws MatrixException       400 {@code M_URL_NOT_SET}, 502 {@code M_CONNECTION_FAILED} or 504
     *                              {@code M_CONNECTION_TIMEOUT}
     * @throws PingRefusedException when the service answered with an error status
     */
    public Duration ping(RegisteredService service, String transactionId) {
        if (!reachable(service)) {
            throw MatrixError.M_URL_NOT_SET.withMessage("application service has no url").toException();
        }
        long start = System.nanoTime();
        try {
            client(service).ping(transactionId);
        } catch (MatrixException e) {
            if (!e.isTransportFailure()) {
                throw new PingRefusedException(e.httpStatus(), e.error().message());
            }
            MatrixError error = e.isTimeout() ? MatrixError.M_CONNECTION_TIMEOUT : MatrixError.M_CONNECTION_FAILED;
            throw error.withMessage("ping failed: " + e.error().message()).toException();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static boolean reachable(RegisteredService s) {
        return s.registration().url() != null;
    }

    private interface Call {
        boolean run();
    }

    private void await(RegisteredService service, String kind, String id, Call call) {
        String what = kind + " " + id;
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> shared = inFlight.putIfAbsent(what, mine);
        if (shared == null) {
            shared = mine;
            executor.execute(() -> {
                long start = System.nanoTime();
                Metrics.QueryOutcome outcome = Metrics.QueryOutcome.TIMEOUT;
                try {
                    outcome = attempt(what, call);
                    mine.complete(outcome == Metrics.QueryOutcome.FOUND);
                } catch (RuntimeException e) {
                    mine.completeExceptionally(e);
                } finally {
                    metrics.queried(service.id(), kind, outcome, Duration.ofNanos(System.nanoTime() - start));
                    inFlight.remove(what, mine);
                }
            });
        }
        long bound = config.queryTimeout().toMillis() * (config.queryAttempts() + 1) + 5_000;
        try {
            shared.get(bound, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof MatrixException me ? me : timeout(what);
        } catch (TimeoutException e) {
            throw timeout(what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw timeout(what);
        }
    }

    private Metrics.QueryOutcome attempt(String what, Call call) {
        for (int i = 1; i <= config.queryAttempts(); i++) {
            try {
                boolean found = call.run();
                LOG.info("query for {}: application service answered {}", what, found ? "200" : "404");
                return found ? Metrics.QueryOutcome.FOUND : Metrics.QueryOutcome.NOT_FOUND;
            } catch (MatrixException e) {
                if (!e.isTransportFailure() && e.httpStatus() < 500) {
                    LOG.warn("query for {} refused by the application service: {}", what, e.getMessage());
                    return Metrics.QueryOutcome.ERROR;
                }
                LOG.warn("query for {} failed (attempt {}/{}): {}", what, i, config.queryAttempts(), e.getMessage());
            }
        }
        throw timeout(what);
    }

    private static MatrixException timeout(String what) {
        return MatrixError.M_QUERY_TIMEOUT.withMessage("the application service did not answer the query for " + what)
                .toException();
    }

    private AppServiceClient client(RegisteredService s) {
        String key = s.id() + "\n" + s.registration().url() + "\n" + s.registration().hsToken();
        return clients.computeIfAbsent(key, k -> AppServiceClient.builder().baseUrl(s.registration().url())
                .hsToken(s.registration().hsToken()).httpClient(http).requestTimeout(config.queryTimeout()).build());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
