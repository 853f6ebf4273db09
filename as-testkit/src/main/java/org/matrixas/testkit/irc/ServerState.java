package org.matrixas.testkit.irc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole network state behind one monitor. Every command runs while holding it, so handlers can read
 * and change nicks, channels and memberships freely and broadcasts come out in one consistent order;
 * IRC command handling is cheap enough that a single lock does not limit a loopback test network.
 */
final class ServerState {
    static final String CAP_SERVER_TIME = "server-time";
    static final String CAP_SASL = "sasl";
    private static final Logger LOG = LoggerFactory.getLogger(ServerState.class);

    final ServerConfig config;
    final Instant createdAt;
    private final Map<String, ClientConnection> nicks = new HashMap<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Set<ClientConnection> sessions = new LinkedHashSet<>();
    private final List<RelayedMessage> relayed = new ArrayList<>();
    private final Dispatcher dispatcher;
    final Netsplits netsplits = new Netsplits(this);

    ServerState(ServerConfig config) {
        this.config = config;
        this.createdAt = config.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        this.dispatcher = new Dispatcher(this);
    }

    // ---- entry points from I/O threads -------------------------------------------------------

    synchronized void opened(ClientConnection c) {
        sessions.add(c);
    }

    synchronized void process(ClientConnection c, String raw, boolean tooLong) {
        if (c.ended) {
            return;
        }
        if (tooLong) {
            numeric(c, "417", "Input line was too long");
            return;
        }
        IrcLine line = IrcLine.parse(raw);
        if (line.command().isEmpty()) {
            return;
        }
        try {
            dispatcher.dispatch(c, line);
        } catch (RuntimeException e) {
            // A handler bug must cost one command, never the I/O loop and every other client with it.
            LOG.warn("IRC server failed handling '{}' from {}", raw, c, e);
        }
    }

    synchronized void closed(ClientConnection c) {
        endSession(c, c.closeReason(), true);
    }

    /** Forgets everything after the I/O loops closed all sockets (stop/restart). */
    synchronized void reset() {
        sessions.forEach(c -> c.ended = true);
        sessions.clear();
        nicks.clear();
        channels.clear();
        netsplits.clear();
    }

    // ---- observability for IrcServer ----------------------------------------------------------

    synchronized Set<String> channelMembers(String name) {
        Channel ch = channel(name);
        if (ch == null) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        ch.members().forEach(c -> out.add(c.nick));
        return Collections.unmodifiableSet(out);
    }

    synchronized Optional<String> topic(String name) {
        Channel ch = channel(name);
        return ch == null ? Optional.empty() : Optional.ofNullable(ch.topic);
    }

    synchronized int sessionCount() {
        return sessions.size();
    }

    synchronized Set<String> registeredNicks() {
        Set<String> out = new LinkedHashSet<>();
        sessions.stream().filter(c -> c.registered).forEach(c -> out.add(c.nick));
        return Collections.unmodifiableSet(out);
    }

    synchronized boolean isConnected(String nick) {
        ClientConnection c = findNick(nick);
        return c != null && c.registered;
    }

    synchronized Optional<String> accountOf(String nick) {
        ClientConnection c = findNick(nick);
        return c == null ? Optional.empty() : Optional.ofNullable(c.account);
    }

    synchronized boolean kill(String nick, String reason) {
        ClientConnection c = findNick(nick);
        if (c == null) {
            return false;
        }
        endSession(c, reason, true);
        send(c, Wire.text(null, "ERROR", "Closing Link: " + c.host + " (" + reason + ")"));
        c.requestClose(ClientConnection.CloseMode.AFTER_FLUSH, reason);
        return true;
    }

    /** Drops every client like a network failure would: no QUIT to anyone, no ERROR, just a close. */
    synchronized void disconnectAll() {
        for (ClientConnection c : List.copyOf(sessions)) {
            endSession(c, "Connection reset", false);
            c.requestClose(ClientConnection.CloseMode.NOW, "Connection reset");
        }
    }

    List<RelayedMessage> messages() {
        synchronized (relayed) {
            return List.copyOf(relayed);
        }
    }

    void clearMessages() {
        synchronized (relayed) {
            relayed.clear();
        }
    }

    // ---- helpers for command handlers (caller holds the lock) ---------------------------------

    ClientConnection findNick(String nick) {
        return nicks.get(CaseMapping.fold(nick));
    }

    /** Points {@code nick} at {@code c}, releasing its previous nick; false if someone else holds it. */
    boolean claimNick(ClientConnection c, String nick) {
        ClientConnection holder = findNick(nick);
        if (holder != null && holder != c) {
            return false;
        }
        if (c.nick != null) {
            nicks.remove(CaseMapping.fold(c.nick), c);
        }
        nicks.put(CaseMapping.fold(nick), c);
        c.nick = nick;
        return true;
    }

    Channel channel(String name) {
        return channels.get(CaseMapping.fold(name));
    }

    Channel createChannel(String name) {
        Channel ch = new Channel(name, now());
        channels.put(CaseMapping.fold(name), ch);
        return ch;
    }

    Collection<Channel> channels() {
        return channels.values();
    }

    void leave(ClientConnection c, Channel ch) {
        ch.remove(c);
        c.channels.remove(ch);
        if (ch.size() == 0) {
            channels.remove(CaseMapping.fold(ch.name));
        }
    }

    /** Everyone sharing at least one channel with {@code c}, each once, optionally including itself. */
    Set<ClientConnection> peersOf(ClientConnection c, boolean includeSelf) {
        Set<ClientConnection> peers = new LinkedHashSet<>();
        if (includeSelf) {
            peers.add(c);
        }
        c.channels.forEach(ch -> peers.addAll(ch.members()));
        if (!includeSelf) {
            peers.remove(c);
        }
        return peers;
    }

    /** Removes a session from the network once; peers see a single QUIT however many channels they share. */
    void endSession(ClientConnection c, String quitMessage, boolean notifyPeers) {
        if (c.ended) {
            return;
        }
        c.ended = true;
        sessions.remove(c);
        if (c.nick != null) {
            nicks.remove(CaseMapping.fold(c.nick), c);
        }
        if (notifyPeers && c.registered) {
            event(peersOf(c, false), Wire.text(c.prefix(), "QUIT", quitMessage), now());
        }
        for (Channel ch : List.copyOf(c.channels)) {
            leave(c, ch);
        }
    }

    void record(RelayedMessage message) {
        synchronized (relayed) {
            relayed.add(message);
        }
    }

    /** The configured clock, cut to the millisecond precision the server-time tag carries. */
    Instant now() {
        return config.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    void send(ClientConnection c, String line) {
        c.enqueue(Wire.encode(null, line));
    }

    /** A numeric reply addressed to {@code c}; the last parameter is sent as trailing text. */
    void numeric(ClientConnection c, String code, String... params) {
        send(c, Wire.text(config.serverName(), code, withTarget(c, params)));
    }

    /** A numeric whose parameters are all tokens (004, 324), so none is forced into trailing form. */
    void numericTokens(ClientConnection c, String code, String... params) {
        send(c, Wire.line(config.serverName(), code, withTarget(c, params)));
    }

    void needMoreParams(ClientConnection c, String command) {
        numeric(c, "461", command, "Not enough parameters");
    }

    /**
     * Sends a user-originated event line. Clients that enabled server-time get it tagged with
     * {@code time}; the two encodings are built once each, however many recipients there are.
     */
    void event(Collection<ClientConnection> to, String line, Instant time) {
        byte[] plain = null;
        byte[] tagged = null;
        for (ClientConnection c : to) {
            if (c.hasCap(CAP_SERVER_TIME)) {
                tagged = tagged != null ? tagged : Wire.encode(Wire.timeTag(time), line);
                c.enqueue(tagged);
            } else {
                plain = plain != null ? plain : Wire.encode(null, line);
                c.enqueue(plain);
            }
        }
    }

    private static String[] withTarget(ClientConnection c, String[] params) {
        String[] all = new String[params.length + 1];
        all[0] = c.nickOrStar();
        System.arraycopy(params, 0, all, 1, params.length);
        return all;
    }
}
