package org.matrixas.bridge.irc.irc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kitteh.irc.client.library.Client;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.bridge.irc.kicl.IrcThreads;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.bridge.irc.mapping.FixedMappings;
import org.matrixas.bridge.irc.mapping.PuppetNickTemplate;
import org.matrixas.bridge.irc.runtime.Backoff;
import org.matrixas.bridge.irc.runtime.Timeouts;
import org.matrixas.bridge.irc.store.PasswordStore;
import org.matrixas.bridge.irc.store.PuppetNickStore;
import org.matrixas.bridge.irc.store.StoreException;
import org.matrixas.bridge.irc.store.UserNameStore;
import org.matrixas.bridge.irc.text.IrcNames;
import org.matrixas.protocol.id.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The puppets of Matrix users, one connection per user and network, created on first use. The nick comes from
 * the store (the user's previous nick) or the network's nick template, cut to the server's NICKLEN as the bot
 * learnt it. {@code irc.max_puppets} caps the puppets per network (a new one beyond it is refused with
 * {@link PuppetLimitException}); {@code irc.puppet_idle_timeout_seconds} disconnects puppets that have not spoken
 * for that long, and the next message connects them again. A puppet logs into its account (its nick) with its
 * user's stored password, if any ({@link IrcAuth}), and registers with the IRC user name (ident) the user chose
 * ({@code !username}), else {@value #DEFAULT_IDENT}.
 */
@Singleton
public final class Puppets implements PuppetNicks, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Puppets.class);
    /** The IRC user name of a puppet whose user chose none. */
    public static final String DEFAULT_IDENT = "matrix";
    private final BridgeConfig config;
    private final IrcClientFactory factory;
    private final PuppetNickStore nicks;
    private final Timeouts timeouts;
    private final Provider<BotConnections> bots;
    private final Reconnects reconnects;
    private final IrcThreads threads;
    private final Provider<IrcPrivateMessageListener> privateMessages;
    private final PasswordStore passwords;
    private final UserNameStore userNames;
    private final Map<String, PuppetConnection> puppets = new ConcurrentHashMap<>();
    /** Nicks of puppets just disconnected for idleness: their QUIT must not look like an IRC user leaving. */
    private final Cache<String, Boolean> retired = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1))
            .executor(Runnable::run).build();
    private volatile ScheduledFuture<?> idleSweep;
    private volatile boolean closed;

    @Inject
    Puppets(BridgeConfig config, IrcClientFactory factory, PuppetNickStore nicks, Timeouts timeouts,
            Provider<BotConnections> bots, Reconnects reconnects, IrcThreads threads,
            Provider<IrcPrivateMessageListener> privateMessages, PasswordStore passwords, UserNameStore userNames) {
        this.passwords = passwords;
        this.userNames = userNames;
        this.reconnects = reconnects;
        this.config = config;
        this.factory = factory;
        this.nicks = nicks;
        this.timeouts = timeouts;
        this.bots = bots;
        this.threads = threads;
        this.privateMessages = privateMessages;
    }

    /** Starts the idle sweep when {@code irc.puppet_idle_timeout_seconds} is set. */
    public void start() {
        Duration idle = config.irc().puppetIdleTimeout();
        if (idle.isZero()) {
            return;
        }
        // A quarter of the timeout (at most a minute): a puppet goes at most 25 % late.
        long period = Math.max(50, Math.min(idle.toMillis() / 4, 60_000));
        idleSweep = threads.scheduler().scheduleAtFixedRate(this::disconnectIdle, period, period,
                TimeUnit.MILLISECONDS);
    }

    /**
     * The puppet of {@code user}, registered on the channel's network and joined to it; waits up to
     * {@link Timeouts#ircJoin()} for each.
     *
     * @throws PuppetLimitException when the user has no puppet and the network is at {@code irc.max_puppets}
     */
    public PuppetConnection ensure(UserId user, String displayName, ChannelRef channel) {
        PuppetConnection p = ensure(user, displayName, channel.network());
        NetworkConfig n = config.network(channel.network()).orElseThrow();
        p.session().join(channel.channel(), FixedMappings.keyOf(n, channel.channel()), timeouts.ircJoin());
        return p;
    }

    /** The puppet of {@code user} on {@code network}, registered (for private messages: no channel). */
    public PuppetConnection ensure(UserId user, String displayName, String network) {
        if (closed) {
            throw new IrcException("puppets are closed");
        }
        String key = key(network, user);
        PuppetConnection p;
        // One lock with disconnectIdle: a puppet handed out here was touched, so the sweep cannot close it now.
        synchronized (this) {
            p = puppets.get(key);
            if (p == null) {
                checkCap(network);
                p = open(network, user, displayName);
                puppets.put(key, p);
            }
            p.session().touch();
        }
        p.session().awaitReady(timeouts.ircJoin());
        return p;
    }

    private void checkCap(String network) {
        int max = config.irc().maxPuppets();
        if (max > 0 && count(network) >= max) {
            throw new PuppetLimitException("the bridge already has " + max + " IRC connections to " + network
                    + " (irc.max_puppets)");
        }
    }

    private long count(String network) {
        String prefix = network + " ";
        return puppets.keySet().stream().filter(k -> k.startsWith(prefix)).count();
    }

    @Override
    public boolean isPuppetNick(String network, String nick) {
        String folded = IrcNames.fold(nick);
        String prefix = network + " ";
        if (retired.getIfPresent(network + " " + folded) != null) {
            return true;
        }
        return puppets.entrySet().stream().anyMatch(e -> e.getKey().startsWith(prefix)
                && IrcNames.fold(e.getValue().nick()).equals(folded));
    }

    /** The Matrix user whose puppet on {@code network} has {@code nick}, if any. */
    public Optional<UserId> userOfNick(String network, String nick) {
        String folded = IrcNames.fold(nick);
        return puppets.values().stream().filter(p -> p.session().label().startsWith(network + "/"))
                .filter(p -> IrcNames.fold(p.nick()).equals(folded)).map(PuppetConnection::user).findFirst();
    }

    /** Every puppet connection now. */
    public List<PuppetConnection> all() {
        return List.copyOf(puppets.values());
    }

    /** The puppet of {@code user} on {@code network} if it is connected; never creates one. */
    public Optional<PuppetConnection> existing(String network, UserId user) {
        return Optional.ofNullable(puppets.get(key(network, user)));
    }

    /** Disconnects every puppet idle for longer than {@code irc.puppet_idle_timeout_seconds}. */
    synchronized void disconnectIdle() {
        long limit = config.irc().puppetIdleTimeout().toNanos();
        long now = System.nanoTime();
        for (Map.Entry<String, PuppetConnection> e : puppets.entrySet()) {
            PuppetConnection p = e.getValue();
            if (now - p.session().lastActiveNanos() > limit && puppets.remove(e.getKey(), p)) {
                LOG.info("[{}] idle for {} s: disconnecting", p.session().label(),
                        config.irc().puppetIdleTimeout().toSeconds());
                retired.put(p.network() + " " + IrcNames.fold(p.nick()), Boolean.TRUE);
                p.close("Idle");
            }
        }
    }

    private PuppetConnection open(String network, UserId user, String displayName) {
        NetworkConfig n = config.network(network).orElseThrow(() -> new IrcException("unknown network " + network));
        int nickLen = bots.get().bot(network).session().nickLength();
        String nick = nicks.nick(network, user).map(s -> PuppetNickTemplate.cut(s, nickLen))
                .orElseGet(() -> new PuppetNickTemplate(n.nickTemplate()).nickFor(user, displayName, nickLen));
        String ident = userName(network, user);
        Client client = factory.create(n, IrcClientFactory.Role.PUPPET, "puppet-" + network + "-" + user, nick, ident,
                user.toString());
        IrcAuth.configure(client, n, nick, password(network, user));
        IrcSession session = new IrcSession(network + "/" + nick, client,
                new Backoff(timeouts.reconnectInitial(), timeouts.reconnectMax()), reconnects);
        PuppetConnection p = new PuppetConnection(user, network, session, ident, nickLen,
                actual -> nicks.putNick(network, user, actual), privateMessages.get(), () -> factory.whenWritten(client));
        p.start();
        return p;
    }

    /**
     * Quits the user's puppet on {@code network} and connects it again with the password stored now (after
     * {@code !storepass}) and the user name stored now ({@code !username}); completes once it is registered again.
     * Empty when the user has no puppet there.
     */
    public Optional<CompletableFuture<Void>> reconnect(String network, UserId user) {
        PuppetConnection p = puppets.get(key(network, user));
        if (p == null) {
            return Optional.empty();
        }
        if (!p.ident().equals(userName(network, user))) {
            return Optional.of(replace(p));
        }
        NetworkConfig n = config.network(network).orElseThrow(() -> new IrcException("unknown network " + network));
        IrcAuth.configure(p.session().client(), n, p.nick(), password(network, user));
        return Optional.of(IrcRequests.reconnect(p.session(), "Reconnecting"));
    }

    /**
     * A new connection for {@code old}'s user, since a KICL client keeps the user name it was built with: the old
     * one quits, the new one takes its nick back (the server may not have let go of it yet) and joins its channels.
     */
    private CompletableFuture<Void> replace(PuppetConnection old) {
        List<String> channels = old.channels();
        String nick = old.nick();
        synchronized (this) {
            puppets.remove(key(old.network(), old.user()), old);
            retired.put(old.network() + " " + IrcNames.fold(nick), Boolean.TRUE);
        }
        old.close("Changing user name");
        try {
            PuppetConnection fresh = ensure(old.user(), null, old.network());
            if (!fresh.nick().equals(nick)) {
                takeBack(fresh, nick);
            }
            NetworkConfig n = config.network(old.network()).orElseThrow();
            channels.forEach(c -> fresh.session().join(c, FixedMappings.keyOf(n, c), timeouts.ircJoin()));
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Changes {@code p}'s nick back to {@code nick}; a refusal leaves it with the nick it has. */
    private void takeBack(PuppetConnection p, String nick) {
        try {
            p.changeNick(nick).get(timeouts.ircJoin().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.info("[{}] could not take back the nick {}: {}", p.session().label(), nick, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Quits and forgets the user's puppet on {@code network} ({@code !quit}); false when there was none. */
    public synchronized boolean disconnect(String network, UserId user, String reason) {
        PuppetConnection p = puppets.remove(key(network, user));
        if (p == null) {
            return false;
        }
        retired.put(network + " " + IrcNames.fold(p.nick()), Boolean.TRUE);
        p.close(reason);
        return true;
    }

    /** The stored password; a store that cannot decrypt it costs the login, not the connection. */
    private Optional<String> password(String network, UserId user) {
        try {
            return passwords.password(network, user);
        } catch (StoreException e) {
            LOG.warn("puppet of {} on {} connects without its password: {}", user, network, e.getMessage());
            return Optional.empty();
        }
    }

    /** The stored user name; a store that cannot read it costs the user name, not the connection. */
    private String userName(String network, UserId user) {
        try {
            return userNames.userName(network, user).orElse(DEFAULT_IDENT);
        } catch (StoreException e) {
            LOG.warn("puppet of {} on {} connects without its user name: {}", user, network, e.getMessage());
            return DEFAULT_IDENT;
        }
    }

    private static String key(String network, UserId user) {
        return network + " " + user;
    }

    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> sweep = idleSweep;
        if (sweep != null) {
            sweep.cancel(false);
        }
        List<PuppetConnection> all = List.copyOf(puppets.values());
        puppets.clear();
        all.forEach(PuppetConnection::close);
    }
}
