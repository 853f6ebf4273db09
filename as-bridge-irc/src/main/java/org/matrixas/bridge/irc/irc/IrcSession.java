package org.matrixas.bridge.irc.irc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.engio.mbassy.listener.Handler;
import org.kitteh.irc.client.library.Client;
import org.kitteh.irc.client.library.event.channel.ChannelJoinEvent;
import org.kitteh.irc.client.library.event.channel.ChannelKickEvent;
import org.kitteh.irc.client.library.event.client.ClientNegotiationCompleteEvent;
import org.kitteh.irc.client.library.event.client.ClientReceiveNumericEvent;
import org.kitteh.irc.client.library.event.connection.ClientConnectionEndedEvent;
import org.matrixas.bridge.irc.mapping.PuppetNickTemplate;
import org.matrixas.bridge.irc.metrics.ConnectionCounts;
import org.matrixas.bridge.irc.runtime.Backoff;
import org.matrixas.bridge.irc.text.IrcNames;
import org.matrixas.bridge.irc.text.IrcLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One KICL connection's state, shared by the bot and the puppets: whether it is registered, reconnecting with
 * back-off after it drops, and joining channels with a future that completes on the server's JOIN (or fails on a
 * join error numeric). Channel and user snapshots are always looked up again, never kept.
 */
public final class IrcSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IrcSession.class);
    /** ERR_NOSUCHCHANNEL, ERR_TOOMANYCHANNELS, ERR_CHANNELISFULL, ERR_INVITEONLYCHAN, ERR_BANNEDFROMCHAN, ERR_BADCHANNELKEY, ERR_NEEDREGGEDNICK. */
    private static final Set<Integer> JOIN_ERRORS = Set.of(403, 405, 471, 473, 474, 475, 477);
    private final String label;
    private final Client client;
    private final Backoff backoff;
    private final Reconnects reconnects;
    private final Map<String, CompletableFuture<Void>> joins = new ConcurrentHashMap<>();
    private volatile CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile Reconnects.Slot reconnecting;
    private volatile boolean closing;
    private volatile boolean registeredBefore;
    private volatile boolean waitingToReconnect;
    /** Channels the connection means to be in (folded name to name as written), and their keys. */
    private final Map<String, String> intended = new ConcurrentHashMap<>();
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private volatile long lastActive = System.nanoTime();
    /** The services account of this connection (900 RPL_LOGGEDIN), null when not logged in. */
    private volatile String account;

    IrcSession(String label, Client client, Backoff backoff, Reconnects reconnects) {
        this.label = label;
        this.client = client;
        this.backoff = backoff;
        this.reconnects = reconnects;
    }

    /** Registers {@code listeners} (objects with {@code @Handler} methods) and connects. */
    public void start(Object... listeners) {
        client.getEventManager().registerEventListener(new Events());
        client.getEventManager().registerEventListener(new IrcAuth.Events(this));
        for (Object l : listeners) {
            client.getEventManager().registerEventListener(l);
        }
        client.connect();
    }

    Client client() {
        return client;
    }

    public String label() {
        return label;
    }

    public boolean isConnected() {
        return ready.isDone() && !ready.isCompletedExceptionally() && !closing;
    }

    /** Connected (registered), connecting, or disconnected (closed, or waiting out its back-off). */
    public ConnectionCounts.State state() {
        if (isConnected()) {
            return ConnectionCounts.State.CONNECTED;
        }
        return closing || waitingToReconnect ? ConnectionCounts.State.DISCONNECTED : ConnectionCounts.State.CONNECTING;
    }

    /** Waits until the connection is registered with the server. */
    public void awaitReady(Duration timeout) {
        await(ready, timeout, "registering with the server");
    }

    /** The nick the connection has now. */
    public String nick() {
        return client.getNick();
    }

    /** The services account the connection is logged into, if the server said so (900 RPL_LOGGEDIN). */
    public java.util.Optional<String> account() {
        return java.util.Optional.ofNullable(account);
    }

    void loggedIn(String name) {
        account = name;
    }

    /** The server's NICKLEN, or {@link PuppetNickTemplate#DEFAULT_NICKLEN} before it is known. */
    public int nickLength() {
        int n = client.getServerInfo().getNickLengthLimit();
        return n > 0 ? n : PuppetNickTemplate.DEFAULT_NICKLEN;
    }

    public boolean isIn(String channel) {
        return client.getChannel(channel).isPresent();
    }

    /** Joins {@code channel} (kept across reconnects) and waits for the server to confirm. */
    public void join(String channel, Duration timeout) {
        join(channel, null, timeout);
    }

    /** Joins {@code channel} with {@code key} (null: none), kept across reconnects; waits for the server. */
    public void join(String channel, String key, Duration timeout) {
        CompletableFuture<Void> f = joinAsync(channel, key);
        try {
            await(f, timeout, "joining " + channel);
        } finally {
            joins.remove(IrcNames.fold(channel), f);
        }
    }

    /** Joins {@code channel} (kept across reconnects, with {@code key} if not null); completes on the server's JOIN. */
    public CompletableFuture<Void> joinAsync(String channel, String key) {
        if (isIn(channel)) {
            return CompletableFuture.completedFuture(null);
        }
        intended.put(IrcNames.fold(channel), channel);
        // A refused earlier attempt (wrong key, banned) must not answer this one.
        CompletableFuture<Void> f = joins.compute(IrcNames.fold(channel),
                (k, old) -> old == null || old.isCompletedExceptionally() ? new CompletableFuture<>() : old);
        if (key == null) {
            client.addChannel(channel);
        } else {
            keys.put(IrcNames.fold(channel), key);
            client.addKeyProtectedChannel(channel, key);
        }
        if (isIn(channel)) {
            f.complete(null);
        }
        return f;
    }

    public CompletableFuture<Void> joinAsync(String channel) {
        return joinAsync(channel, null);
    }

    /** Leaves {@code channel} and forgets it for reconnects. */
    public void part(String channel, String reason) {
        intended.remove(IrcNames.fold(channel));
        keys.remove(IrcNames.fold(channel));
        client.removeChannel(channel, reason);
    }

    /** Sends a raw IRC line through the flood-controlled queue; the caller has cleaned it of CR, LF and NUL. */
    public void sendRaw(String line) {
        touch();
        client.sendRawLine(line);
    }

    /** Marks the connection as used now (idle timeout). */
    /**
     * Says each of {@code lines} in {@code target} as one PRIVMSG, NOTICE or CTCP ACTION; each is sanitised here
     * again, so a line can never carry a second command.
     */
    void say(String target, IrcMessage.Kind kind, List<String> lines) {
        for (String raw : lines) {
            String line = IrcLines.sanitize(raw);
            switch (kind) {
                case MESSAGE -> client.sendMessage(target, line);
                case NOTICE -> client.sendNotice(target, line);
                case ACTION -> client.sendCtcpMessage(target, "ACTION " + line);
                default -> throw new IllegalStateException("unknown kind " + kind);
            }
        }
    }

    public void touch() {
        lastActive = System.nanoTime();
    }

    /** {@link System#nanoTime()} of the last use. */
    public long lastActiveNanos() {
        return lastActive;
    }

    /** The topic of a channel the connection is in, if one is set. */
    public java.util.Optional<String> topic(String channel) {
        return client.getChannel(channel).flatMap(c -> c.getTopic().getValue()).filter(t -> !t.isBlank());
    }

    private void await(CompletableFuture<Void> f, Duration timeout, String what) {
        try {
            f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IrcException("[" + label + "] timed out after " + timeout.toSeconds() + " s " + what);
        } catch (ExecutionException e) {
            throw new IrcException("[" + label + "] failed " + what + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IrcException("[" + label + "] interrupted " + what);
        }
    }

    @Override
    public void close() {
        close("Bridge shutting down");
    }

    /** Quits with {@code reason} and stops reconnecting. */
    public void close(String reason) {
        closing = true;
        Reconnects.Slot slot = reconnecting;
        if (slot != null) {
            slot.release();
        }
        ready.completeExceptionally(new IrcException("connection closed"));
        joins.values().forEach(f -> f.completeExceptionally(new IrcException("connection closed")));
        client.shutdown(reason);
    }

    private void reconnect() {
        waitingToReconnect = false;
        if (closing) {
            releaseSlot();
            return;
        }
        try {
            LOG.debug("[{}] reconnecting", label);
            client.connect();
        } catch (RuntimeException e) {
            LOG.warn("[{}] reconnect attempt failed to start: {}", label, e.toString());
            releaseSlot();
        }
    }

    /** KICL keeps the channels it meant to be in but does not join them again after a reconnect: the bridge does. */
    private void rejoin() {
        for (String channel : intended.values()) {
            String key = keys.get(IrcNames.fold(channel));
            client.sendRawLineImmediately("JOIN " + channel + (key == null ? "" : " " + key));
        }
    }

    private void releaseSlot() {
        Reconnects.Slot slot = reconnecting;
        reconnecting = null;
        if (slot != null) {
            slot.release();
        }
    }

    /** KICL calls these on its event thread; they must not block. Public for KICL's reflection. */
    public final class Events {
        @Handler
        public void onNegotiated(ClientNegotiationCompleteEvent e) {
            backoff.reset();
            releaseSlot();
            if (registeredBefore) {
                rejoin();
            }
            registeredBefore = true;
            ready.complete(null);
            LOG.info("[{}] connected as {}", label, client.getNick());
        }

        @Handler
        public void onEnded(ClientConnectionEndedEvent e) {
            account = null;
            if (ready.isDone()) {
                ready = new CompletableFuture<>();
            }
            // The bridge reconnects itself: KICL's own reconnect knows neither the jitter nor the shared cap.
            e.setAttemptReconnect(false);
            releaseSlot();
            if (closing) {
                return;
            }
            Duration delay = backoff.next();
            waitingToReconnect = true;
            reconnecting = reconnects.schedule(delay, IrcSession.this::reconnect);
            LOG.warn("[{}] disconnected ({}); reconnecting in {} ms", label,
                    DisconnectReason.of(e.getCause()), delay.toMillis());
        }

        @Handler
        public void onJoin(ChannelJoinEvent e) {
            if (client.isUser(e.getUser())) {
                CompletableFuture<Void> f = joins.get(IrcNames.fold(e.getChannel().getName()));
                if (f != null) {
                    f.complete(null);
                }
            }
        }

        /** Kicked: the channel is no longer intended, so a reconnect does not join it again. */
        @Handler
        public void onKicked(ChannelKickEvent e) {
            if (client.isUser(e.getTarget())) {
                intended.remove(IrcNames.fold(e.getChannel().getName()));
                keys.remove(IrcNames.fold(e.getChannel().getName()));
            }
        }

        @Handler
        public void onNumeric(ClientReceiveNumericEvent e) {
            List<String> p = e.getParameters();
            if (JOIN_ERRORS.contains(e.getNumeric()) && p.size() >= 2) {
                CompletableFuture<Void> f = joins.get(IrcNames.fold(p.get(1)));
                if (f != null) {
                    f.completeExceptionally(new IrcException(p.get(p.size() - 1) + " (" + e.getNumeric() + ")"));
                }
            }
        }
    }
}
