package org.matrixas.homeserver.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.matrixas.homeserver.config.AppServiceConfig;
import org.matrixas.homeserver.registration.AppServiceRegistry;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.protocol.client.AppServiceClient;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Third-party lookups (<a href="https://spec.matrix.org/v1.13/application-service-api/#third-party-networks">
 * spec</a>): the homeserver asks every service that declares the protocol ({@code protocols} in its registration)
 * with {@code GET /_matrix/app/v1/thirdparty/...} and the hs_token (as-protocol's {@link AppServiceClient}), in
 * parallel, and merges the answers. A service
 * that fails, times out ({@code appservice.query_timeout_ms}) or answers something malformed is skipped.
 */
public final class ThirdPartyService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ThirdPartyService.class);
    private final AppServiceRegistry registry;
    private final Duration timeout;
    private final ExecutorService executor;
    private final HttpClient http;
    private final Map<String, AppServiceClient> clients = new ConcurrentHashMap<>();

    public ThirdPartyService(AppServiceRegistry registry, AppServiceConfig config) {
        this.registry = registry;
        this.timeout = config.queryTimeout();
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "as-thirdparty-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Every declared protocol that at least one service describes; instances of all services are merged. */
    public ObjectNode protocols() {
        ObjectNode out = Json.object();
        for (RegisteredService s : withProtocols(x -> true)) {
            for (String p : s.registration().protocols()) {
                protocol(p).ifPresent(meta -> out.set(p, meta));
            }
        }
        return out;
    }

    /** The protocol's metadata from the services that declare it, their instances merged; empty if none answered. */
    public Optional<ObjectNode> protocol(String protocol) {
        List<RegisteredService> services = withProtocols(s -> s.registration().protocols().contains(protocol));
        ObjectNode merged = null;
        ArrayNode instances = Json.mapper().createArrayNode();
        List<JsonNode> answers = fanOut(services, "protocol " + protocol, c -> c.thirdPartyProtocol(protocol));
        for (int i = 0; i < answers.size(); i++) {
            if (!(answers.get(i) instanceof ObjectNode o)) {
                continue;
            }
            if (merged == null) {
                merged = o.deepCopy();
            }
            for (JsonNode inst : o.path("instances")) {
                if (inst instanceof ObjectNode io) {
                    ObjectNode copy = io.deepCopy();
                    if (!copy.path("instance_id").isTextual()) {
                        copy.put("instance_id", services.get(i).id() + "|" + io.path("network_id").asText(""));
                    }
                    instances.add(copy);
                }
            }
        }
        if (merged != null) {
            merged.set("instances", instances);
        }
        return Optional.ofNullable(merged);
    }

    /** {@code kind} is {@code user} or {@code location}: the matches of every service declaring the protocol. */
    public ArrayNode lookup(String kind, String protocol, Map<String, String> fields) {
        List<RegisteredService> services = withProtocols(s -> s.registration().protocols().contains(protocol));
        boolean users = kind.equals("user");
        return concat(fanOut(services, kind + " " + protocol, c -> users ? c.thirdPartyUsers(protocol, fields)
                : c.thirdPartyLocations(protocol, fields)));
    }

    /** Reverse lookup of a Matrix user ({@code /thirdparty/user?userid=}): services whose user namespace holds it. */
    public ArrayNode reverseUser(UserId userId) {
        List<RegisteredService> services = withProtocols(s -> s.ownsUser(userId));
        return concat(fanOut(services, "user " + userId, c -> c.thirdPartyUsersFor(userId)));
    }

    /** Reverse lookup of an alias ({@code /thirdparty/location?alias=}): services whose alias namespace holds it. */
    public ArrayNode reverseLocation(RoomAlias alias) {
        List<RegisteredService> services = withProtocols(s -> s.matcher().matchesAlias(alias.toString()));
        return concat(fanOut(services, "location " + alias, c -> c.thirdPartyLocationsFor(alias)));
    }

    private List<RegisteredService> withProtocols(Predicate<RegisteredService> filter) {
        return registry.all().stream().filter(s -> s.registration().url() != null
                && !s.registration().protocols().isEmpty() && filter.test(s)).toList();
    }

    private static ArrayNode concat(List<JsonNode> answers) {
        ArrayNode out = Json.mapper().createArrayNode();
        for (JsonNode a : answers) {
            if (a != null && a.isArray()) {
                a.forEach(out::add);
            }
        }
        return out;
    }

    /** One answer per service, in the services' order; null for a service that failed. */
    private List<JsonNode> fanOut(List<RegisteredService> services, String what,
            Function<AppServiceClient, JsonNode> call) {
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        for (RegisteredService s : services) {
            calls.add(CompletableFuture.supplyAsync(() -> call(s, what, call), executor));
        }
        List<JsonNode> out = new ArrayList<>();
        for (CompletableFuture<JsonNode> f : calls) {
            try {
                out.add(f.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS));
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                out.add(null);
            }
        }
        return out;
    }

    private JsonNode call(RegisteredService s, String what, Function<AppServiceClient, JsonNode> call) {
        try {
            return call.apply(client(s));
        } catch (MatrixException e) {
            if (e.isTransportFailure()) {
                LOG.warn("third-party lookup {} on {} failed: {}", what, s.id(), e.getMessage());
            } else {
                LOG.info("third-party lookup {} on {} answered {}", what, s.id(), e.getMessage());
            }
            return null;
        }
    }

    private AppServiceClient client(RegisteredService s) {
        String key = s.id() + "\n" + s.registration().url() + "\n" + s.registration().hsToken();
        return clients.computeIfAbsent(key, k -> AppServiceClient.builder().baseUrl(s.registration().url())
                .hsToken(s.registration().hsToken()).httpClient(http).requestTimeout(timeout).build());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
