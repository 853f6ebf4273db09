package org.matrixas.homeserver.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.matrixas.homeserver.config.AppServiceConfig;
import org.matrixas.homeserver.registration.AppServiceRegistry;
import org.matrixas.homeserver.registration.RegisteredService;
import org.matrixas.protocol.http.PercentCodec;
import org.matrixas.protocol.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Third-party lookups (<a href="https://spec.matrix.org/v1.13/application-service-api/#third-party-networks">
 * spec</a>): the homeserver asks every service that declares the protocol ({@code protocols} in its registration)
 * with {@code GET /_matrix/app/v1/thirdparty/...} and the hs_token, in parallel, and merges the answers. A service
 * that fails, times out ({@code appservice.query_timeout_ms}) or answers something malformed is skipped.
 */
public final class ThirdPartyService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ThirdPartyService.class);
    private static final String PREFIX = "/_matrix/app/v1/thirdparty/";
    private final AppServiceRegistry registry;
    private final Duration timeout;
    private final ExecutorService executor;
    private final HttpClient http;

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
        List<JsonNode> answers = fanOut(services, PREFIX + "protocol/" + PercentCodec.encode(protocol), Map.of());
        for (int i = 0; i < answers.size(); i++) {
            JsonNode a = answers.get(i);
            if (!(a instanceof ObjectNode o)) {
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
        return concat(fanOut(services, PREFIX + kind + "/" + PercentCodec.encode(protocol), fields));
    }

    /** Reverse lookup of a Matrix user ({@code /thirdparty/user?userid=}): services whose user namespace holds it. */
    public ArrayNode reverseUser(String userId) {
        List<RegisteredService> services = withProtocols(s -> s.matcher().matchesUser(userId));
        return concat(fanOut(services, PREFIX + "user", Map.of("userid", userId)));
    }

    /** Reverse lookup of an alias ({@code /thirdparty/location?alias=}): services whose alias namespace holds it. */
    public ArrayNode reverseLocation(String alias) {
        List<RegisteredService> services = withProtocols(s -> s.matcher().matchesAlias(alias));
        return concat(fanOut(services, PREFIX + "location", Map.of("alias", alias)));
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
    private List<JsonNode> fanOut(List<RegisteredService> services, String path, Map<String, String> fields) {
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        for (RegisteredService s : services) {
            calls.add(CompletableFuture.supplyAsync(() -> call(s, path, fields), executor));
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

    private JsonNode call(RegisteredService s, String path, Map<String, String> fields) {
        String token = s.registration().hsToken();
        StringJoiner query = new StringJoiner("&", "?", "");
        fields.forEach((k, v) -> query.add(PercentCodec.encode(k) + "=" + PercentCodec.encode(v)));
        query.add("access_token=" + PercentCodec.encode(token));
        String base = s.registration().url();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path + query)).timeout(timeout)
                .header("Authorization", "Bearer " + token).GET().build();
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) {
                LOG.info("third-party lookup {} on {} answered {}", path, s.id(), r.statusCode());
                return null;
            }
            return Json.tree(r.body());
        } catch (IOException | RuntimeException e) {
            LOG.warn("third-party lookup {} on {} failed: {}", path, s.id(), e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
