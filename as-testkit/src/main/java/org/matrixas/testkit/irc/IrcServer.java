package org.matrixas.testkit.irc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A small in-process IRC server, so bridge tests can run against a real socket peer whose state they can
 * inspect and whose failures (kills, drops, restarts) they can trigger at will. It speaks enough of
 * RFC 1459/2812 plus IRCv3 {@code server-time} and SASL PLAIN (with a NickServ) for KICL and the bridge; see
 * the package documentation.
 *
 * <p>All methods are thread-safe. Connections are served by a few NIO selector threads named
 * {@code irc-server-io-<port>-<n>}; {@link #stop()} and {@link #close()} end all of them.
 */
public final class IrcServer implements AutoCloseable {
    private final ServerConfig config;
    private final ServerState state;
    private final AtomicInteger nextLoop = new AtomicInteger();
    private IoLoop[] loops;
    private int boundPort;
    private boolean closed;

    private IrcServer(ServerConfig config) {
        this.config = config;
        this.state = new ServerState(config);
        this.boundPort = config.port();
    }

    /** Returns a builder with test-friendly defaults: 127.0.0.1, a free port, irc.test, TestNet. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the listener and starts the I/O threads. After a {@link #stop()} this binds the same port
     * again (even if the first start picked a free one), which is what reconnect tests need.
     *
     * @return this server, for chaining after {@code build()}
     * @throws UncheckedIOException if the port cannot be bound
     */
    public synchronized IrcServer start() {
        if (closed) {
            throw new IllegalStateException("IRC server is closed");
        }
        if (loops != null) {
            throw new IllegalStateException("IRC server already started on port " + boundPort);
        }
        ServerSocketChannel listener = null;
        IoLoop[] created = new IoLoop[config.ioThreads()];
        try {
            listener = ServerSocketChannel.open();
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(new InetSocketAddress(config.host(), boundPort), 1024);
            listener.configureBlocking(false);
            boundPort = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            for (int i = 0; i < created.length; i++) {
                created[i] = new IoLoop("irc-server-io-" + boundPort + "-" + i, state);
            }
            created[0].listen(listener, channel -> assign(created, channel));
        } catch (IOException e) {
            abandon(listener, created);
            throw new UncheckedIOException("Cannot start IRC server on " + config.host() + ":" + boundPort, e);
        }
        loops = created;
        for (IoLoop loop : created) {
            loop.start();
        }
        return this;
    }

    /**
     * Closes the listener and every connection and waits for all server threads to end; the server
     * keeps its recorded messages and can be started again on the same port.
     */
    public synchronized void stop() {
        if (loops == null) {
            return;
        }
        // Loop 0 accepts; stopping it first guarantees no new socket is handed to a stopped loop.
        for (IoLoop loop : loops) {
            loop.shutdown();
        }
        loops = null;
        state.reset();
    }

    /** Stops the server for good; no thread or socket of it survives this call. */
    @Override
    public synchronized void close() {
        stop();
        closed = true;
    }

    /** Drops every client connection without a QUIT or ERROR, like a network failure; keeps listening. */
    public void disconnectAll() {
        state.disconnectAll();
    }

    /**
     * Disconnects one client with an ERROR line, as an operator KILL would; peers see a QUIT.
     *
     * @return false if no client uses that nick
     */
    public boolean kill(String nick) {
        return state.kill(nick, "Killed (" + config.serverName() + " (test))");
    }

    /**
     * Splits the network: each of {@code nicks} leaves its channels and everyone else in them sees a QUIT with the
     * reason servers give in a netsplit, {@code <serverName> split.<serverName>}. The split users stay connected and
     * are told nothing, as on the far side of the split; {@link #heal()} brings them back.
     *
     * @throws IllegalArgumentException if a nick is not connected or is already split
     */
    public void netsplit(Collection<String> nicks) {
        state.netsplits.split(nicks, config.serverName() + " split." + config.serverName());
    }

    /**
     * Heals every split: each split user still connected joins its channels again, and their members see the
     * JOINs. Channel operator status is not restored.
     *
     * @return the nicks that came back
     */
    public List<String> heal() {
        return state.netsplits.heal();
    }

    /** The port the server listens on (the bound one once started, even when built with port 0). */
    public synchronized int port() {
        return boundPort;
    }

    /** The host name or address the server binds to, as configured. */
    public String host() {
        return config.host();
    }

    /** Whether the server is listening (between {@link #start()} and {@link #stop()}). */
    public synchronized boolean isRunning() {
        return loops != null;
    }

    /** Every PRIVMSG/NOTICE relayed since creation (or {@link #clearMessages()}), in relay order. */
    public List<RelayedMessage> messages() {
        return state.messages();
    }

    /** Forgets the recorded messages, so a test phase can assert on its own traffic only. */
    public void clearMessages() {
        state.clearMessages();
    }

    /** Nicks currently in the channel, in join order; empty when the channel does not exist. */
    public Set<String> channelMembers(String channel) {
        return state.channelMembers(channel);
    }

    /** The channel's topic; empty when the channel does not exist or has no topic. */
    public Optional<String> topic(String channel) {
        return state.topic(channel);
    }

    /** Open client sessions, registered or not; drops to the new value as soon as a session ends. */
    public int connectionCount() {
        return state.sessionCount();
    }

    /** Nicks of all registered clients. */
    public Set<String> nicks() {
        return state.registeredNicks();
    }

    /** Whether a registered client uses this nick (compared with rfc1459 case mapping). */
    public boolean isConnected(String nick) {
        return state.isConnected(nick);
    }

    /**
     * The services account the client using {@code nick} is logged into (by SASL PLAIN or NickServ IDENTIFY with
     * a {@link Builder#account} password); empty when no such client or not logged in.
     */
    public Optional<String> accountOf(String nick) {
        return state.accountOf(nick);
    }

    /** Round-robin spreads connections evenly over the selector threads. */
    private void assign(IoLoop[] pool, SocketChannel channel) {
        pool[Math.floorMod(nextLoop.getAndIncrement(), pool.length)].adopt(channel);
    }

    private static void abandon(ServerSocketChannel listener, IoLoop[] loops) {
        try {
            if (listener != null) {
                listener.close();
            }
        } catch (IOException ignored) {
            // Already failing; the original exception is the one worth reporting.
        }
        for (IoLoop loop : loops) {
            if (loop != null) {
                loop.shutdown();
            }
        }
    }

    /**
     * Configures an {@link IrcServer}. Each setter validates immediately, so a bad test fixture fails at
     * the line that set the bad value rather than at start-up.
     */
    public static final class Builder {
        private static final Pattern SERVER_NAME = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
        private static final Pattern NETWORK_NAME = Pattern.compile("[A-Za-z0-9._-]+");

        private String host = "127.0.0.1";
        private int port;
        private String serverName = "irc.test";
        private String networkName = "TestNet";
        private int nickLen = 30;
        private boolean serverTime;
        private Clock clock = Clock.systemUTC();
        private int ioThreads = 2;
        private List<String> motd = List.of();
        private Accounts accounts = Accounts.none();

        private Builder() {
        }

        /** The address to bind; tests normally keep the loopback default. */
        public Builder host(String host) {
            if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("host must be a non-blank host name or address: " + host);
            }
            this.host = host;
            return this;
        }

        /** @param port 0 to pick a free port on start, else 1-65535 */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** Must contain a dot: clients such as KICL tell servers from nicks by it. */
        public Builder serverName(String serverName) {
            if (serverName == null || !SERVER_NAME.matcher(serverName).matches()) {
                throw new IllegalArgumentException(
                        "serverName must look like a host name with at least one dot: " + serverName);
            }
            this.serverName = serverName;
            return this;
        }

        /** Sent as {@code NETWORK=} in ISUPPORT and in the welcome line. */
        public Builder networkName(String networkName) {
            if (networkName == null || !NETWORK_NAME.matcher(networkName).matches()) {
                throw new IllegalArgumentException(
                        "networkName must be non-empty and use only letters, digits, '.', '_' or '-': " + networkName);
            }
            this.networkName = networkName;
            return this;
        }

        /** Longer requested nicks are truncated to this length. */
        public Builder nickLen(int nickLen) {
            if (nickLen < 1 || nickLen > 128) {
                throw new IllegalArgumentException("nickLen must be between 1 and 128: " + nickLen);
            }
            this.nickLen = nickLen;
            return this;
        }

        /** Whether to offer the IRCv3 {@code server-time} capability. */
        public Builder serverTime(boolean serverTime) {
            this.serverTime = serverTime;
            return this;
        }

        /** The clock for server-time tags and {@link RelayedMessage#time()}; use a fixed one for exact asserts. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /** Number of selector threads; two serve thousands of loopback connections comfortably. */
        public Builder ioThreads(int ioThreads) {
            if (ioThreads < 1 || ioThreads > 64) {
                throw new IllegalArgumentException("ioThreads must be between 1 and 64: " + ioThreads);
            }
            this.ioThreads = ioThreads;
            return this;
        }

        /** MOTD lines sent after registration; empty (the default) sends 422 instead. */
        public Builder motd(List<String> lines) {
            Objects.requireNonNull(lines, "motd must not be null; use an empty list for none");
            for (String line : lines) {
                if (line == null || line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                    throw new IllegalArgumentException("motd lines must be non-null and contain no CR/LF: " + line);
                }
            }
            this.motd = List.copyOf(lines);
            return this;
        }

        /**
         * Adds a services account: clients log into it with SASL PLAIN (the server offers {@code sasl=PLAIN}) or
         * with {@code PRIVMSG NickServ :IDENTIFY [name] password}. Names match with the rfc1459 case mapping.
         */
        public Builder account(String name, String password) {
            if (name == null || !SessionCommands.isValidNick(name)) {
                throw new IllegalArgumentException("account name must be a valid nick: " + name);
            }
            if (password == null || password.isEmpty() || password.chars().anyMatch(ch -> ch < 0x20)) {
                throw new IllegalArgumentException("account password must be non-empty, without control characters");
            }
            this.accounts = accounts.with(name, password);
            return this;
        }

        /** Builds a server that is not yet listening; call {@link IrcServer#start()}. */
        public IrcServer build() {
            return new IrcServer(new ServerConfig(host, port, serverName, networkName, nickLen, serverTime, clock,
                    ioThreads, motd, accounts));
        }
    }
}
