package org.matrixas.homeserver.registration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.matrixas.homeserver.account.Accounts;
import org.matrixas.homeserver.account.Secrets;
import org.matrixas.homeserver.config.ConfigException;
import org.matrixas.homeserver.config.RegistrationApiConfig;
import org.matrixas.homeserver.store.Database;
import org.matrixas.protocol.error.MatrixError;
import org.matrixas.protocol.id.InvalidIdException;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.registration.InvalidRegistrationException;
import org.matrixas.protocol.registration.Registration;
import org.matrixas.protocol.registration.RegistrationFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application services the homeserver serves: those of the registration files (loaded at start) and those
 * registered through the draft API (persisted). Reads see an immutable snapshot; changes are serialised and
 * reported to {@link Listener}s (the push pipeline).
 */
public final class AppServiceRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(AppServiceRegistry.class);
    static final String API_ORIGIN = "registration API";

    /** Told about every registration change, after it is stored. */
    public interface Listener {
        void registered(RegisteredService service, boolean replaced);

        void unregistered(RegisteredService service);
    }

    private final Accounts accounts;
    private final String serverName;
    private final RegistrationApiConfig api;
    private final RegistrationStore store;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile List<RegisteredService> services = List.of();

    public AppServiceRegistry(Database db, Accounts accounts, RegistrationApiConfig api) {
        this.accounts = Objects.requireNonNull(accounts, "accounts is null");
        this.serverName = accounts.serverName();
        this.api = Objects.requireNonNull(api, "api is null");
        this.store = new RegistrationStore(db);
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    /**
     * Loads the registration files, then the registrations made through the API.
     *
     * @throws ConfigException naming the file and key of an invalid or duplicate registration
     */
    public synchronized void load(List<Path> files) {
        List<RegisteredService> loaded = readFiles(files, serverName);
        for (Registration r : store.all()) {
            Optional<RegisteredService> clash = loaded.stream().filter(s -> s.id().equals(r.id())
                    || Secrets.equal(s.registration().asToken(), r.asToken())).findFirst();
            if (clash.isPresent()) {
                LOG.warn("ignoring API registration {}: its id or as_token is taken by {}", r.id(), clash.get().origin());
                continue;
            }
            loaded.add(RegisteredService.of(r, serverName, API_ORIGIN));
        }
        for (RegisteredService s : loaded) {
            accounts.ensure(s.sender(), s.id());
            LOG.info("application service {} loaded from {}", s.id(), s.origin());
        }
        services = List.copyOf(loaded);
    }

    /**
     * Reads and checks registration files without touching any state (also for {@code --check-config}): each file
     * must be valid, and no two may share an {@code id} or an {@code as_token}.
     *
     * @throws ConfigException naming the file and the key
     */
    public static List<RegisteredService> readFiles(List<Path> files, String serverName) {
        List<RegisteredService> loaded = new ArrayList<>();
        for (Path file : files) {
            RegisteredService s = fromFile(file, serverName);
            for (RegisteredService other : loaded) {
                if (other.id().equals(s.id())) {
                    throw new ConfigException(file + ": 'id' " + s.id() + " is already used by " + other.origin());
                }
                if (Secrets.equal(other.registration().asToken(), s.registration().asToken())) {
                    throw new ConfigException(file + ": 'as_token' is already used by " + other.origin());
                }
            }
            loaded.add(s);
        }
        return loaded;
    }

    private static RegisteredService fromFile(Path file, String serverName) {
        try {
            Registration r = RegistrationFiles.read(file);
            try {
                return RegisteredService.of(r, serverName, file.toString());
            } catch (InvalidIdException e) {
                throw new ConfigException(file + ": 'sender_localpart' " + e.getMessage());
            }
        } catch (InvalidRegistrationException e) {
            throw new ConfigException(e.getMessage().startsWith(file.toString()) ? e.getMessage()
                    : file + ": " + e.getMessage(), e);
        }
    }

    public List<RegisteredService> all() {
        return services;
    }

    public Optional<RegisteredService> byId(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The service holding this as_token; every service's token is compared in constant time. */
    public Optional<RegisteredService> byAsToken(String token) {
        RegisteredService found = null;
        for (RegisteredService s : services) {
            if (Secrets.equal(s.registration().asToken(), token) && found == null) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The service to ask about an unknown user: an exclusive owner first, else any whose namespace matches. */
    public Optional<RegisteredService> userQueryTarget(UserId user) {
        String id = user.toString();
        return services.stream().filter(s -> s.matcher().isExclusiveUser(id)).findFirst()
                .or(() -> services.stream().filter(s -> s.matcher().matchesUser(id)).findFirst());
    }

    public Optional<RegisteredService> aliasQueryTarget(RoomAlias alias) {
        String id = alias.toString();
        return services.stream().filter(s -> s.matcher().isExclusiveAlias(id)).findFirst()
                .or(() -> services.stream().filter(s -> s.matcher().matchesAlias(id)).findFirst());
    }

    /** Refuses ({@code M_EXCLUSIVE}) creating {@code user}; {@code actor} is the requesting service or null. */
    public void checkUserCreation(UserId user, RegisteredService actor) {
        Exclusivity.checkUser(services, user, actor);
    }

    public void checkAliasChange(RoomAlias alias, RegisteredService actor) {
        Exclusivity.checkAlias(services, alias, actor);
    }

    /** Whether the draft API may be used with this as_token (constant-time over the configured tokens). */
    public boolean isPreauthorised(String asToken) {
        boolean ok = false;
        for (String t : api.asTokens()) {
            ok |= Secrets.equal(t, asToken);
        }
        return ok;
    }

    /** Registers or re-registers through the draft API; see {@link DraftRegistration}. */
    public synchronized RegisteredService register(DraftRegistration request) {
        Optional<RegisteredService> existing = byAsToken(request.asToken());
        if (existing.isPresent() && !existing.get().origin().equals(API_ORIGIN)) {
            throw MatrixError.M_FORBIDDEN.withMessage("this as_token belongs to a registration file").toException();
        }
        Registration r = request.toRegistration(existing.map(RegisteredService::id), "hs_" + Secrets.random(32));
        Optional<RegisteredService> sameId = byId(r.id());
        if (sameId.isPresent() && !sameId.equals(existing)) {
            throw MatrixError.M_INVALID_PARAM.withMessage("id '" + r.id() + "' is already in use").toException();
        }
        RegisteredService s = RegisteredService.of(r, serverName, API_ORIGIN);
        store.put(r);
        accounts.ensure(s.sender(), s.id());
        LOG.info("application service {} {} through the registration API (url {})", s.id(),
                existing.isPresent() ? "re-registered" : "registered", r.url());
        publish(s, existing.isPresent());
        return s;
    }

    /**
     * Adds a service at run time (the embedding API): persisted like a registration made through the draft API.
     *
     * @throws IllegalArgumentException when another service has the same id or as_token, or the sender_localpart
     *                                  is not a valid localpart
     */
    public synchronized RegisteredService add(Registration r) {
        Objects.requireNonNull(r, "registration is null");
        for (RegisteredService other : services) {
            if (other.id().equals(r.id())) {
                throw new IllegalArgumentException("application service id '" + r.id() + "' is already registered"
                        + " (by " + other.origin() + ")");
            }
            if (Secrets.equal(other.registration().asToken(), r.asToken())) {
                throw new IllegalArgumentException("the as_token of application service '" + r.id()
                        + "' is already used by '" + other.id() + "'");
            }
        }
        RegisteredService s;
        try {
            s = RegisteredService.of(r, serverName, API_ORIGIN);
        } catch (InvalidIdException e) {
            throw new IllegalArgumentException("sender_localpart of '" + r.id() + "': " + e.getMessage(), e);
        }
        store.put(r);
        accounts.ensure(s.sender(), s.id());
        publish(s, false);
        LOG.info("application service {} registered at run time (url {})", s.id(), r.url());
        return s;
    }

    /**
     * Removes a service by id, whatever its origin: delivery stops and its queue is dropped. A registration file's
     * service comes back at the next start if the file is still configured. Returns false for an unknown id.
     */
    public synchronized boolean remove(String id) {
        Optional<RegisteredService> existing = byId(id);
        existing.ifPresent(this::drop);
        return existing.isPresent();
    }

    private void publish(RegisteredService s, boolean replaced) {
        List<RegisteredService> next = new ArrayList<>(services);
        next.removeIf(o -> o.id().equals(s.id()));
        next.add(s);
        services = List.copyOf(next);
        listeners.forEach(l -> l.registered(s, replaced));
    }

    private void drop(RegisteredService s) {
        store.delete(s.id());
        List<RegisteredService> next = new ArrayList<>(services);
        next.remove(s);
        services = List.copyOf(next);
        LOG.info("application service {} unregistered", s.id());
        listeners.forEach(l -> l.unregistered(s));
    }

    /** Unregisters an API registration; false when no API registration holds this token. */
    public synchronized boolean unregister(String asToken) {
        Optional<RegisteredService> existing = byAsToken(asToken);
        if (existing.isEmpty()) {
            return false;
        }
        RegisteredService s = existing.get();
        if (!s.origin().equals(API_ORIGIN)) {
            throw MatrixError.M_FORBIDDEN.withMessage("a registration file's service cannot be unregistered")
                    .toException();
        }
        drop(s);
        return true;
    }
}
