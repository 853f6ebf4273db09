package org.matrixas.testkit.irc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A deliberately dumb raw-socket IRC client for tests: it sends exactly what a test asks for and records
 * every line, so assertions are about the protocol itself rather than about a client library's
 * interpretation of it. It answers PING by itself; every wait has a deadline and fails with the recent
 * traffic in its message.
 *
 * <p>Waits consume the first matching line not consumed before (see {@link #awaitParsed}), so a line
 * that arrived before the wait started is still found.
 */
public final class IrcTestClient implements AutoCloseable {
    /** Used by the methods without a timeout parameter. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Set<String> REGISTRATION_FAILURES = Set.of("431", "432", "433", "465", "ERROR");
    private static final Set<String> JOIN_FAILURES = Set.of("403", "405", "471", "473", "474", "475", "476");

    private final Socket socket;
    private final OutputStream out;
    private final LineHistory history;
    private final Thread reader;
    private volatile String nick;

    private IrcTestClient(Socket socket, String label) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.history = new LineHistory(label);
        this.reader = new Thread(this::readLoop, "irc-test-client-" + SEQUENCE.incrementAndGet());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Connects and registers, waiting for 001. With capabilities it negotiates them first and fails if
     * the server NAKs them.
     *
     * @throws IllegalStateException if the server refuses the nick or the capabilities
     * @throws IrcAwaitTimeoutException if registration does not finish within {@link #DEFAULT_TIMEOUT}
     */
    public static IrcTestClient connect(String host, int port, String nick, String... capabilities) {
        IrcTestClient client = open(host, port, nick);
        try {
            client.register(nick, List.of(capabilities));
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Opens a connection without registering, for tests of the registration itself. */
    public static IrcTestClient connectUnregistered(String host, int port) {
        return open(host, port, "unregistered");
    }

    private static IrcTestClient open(String host, int port, String label) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) DEFAULT_TIMEOUT.toMillis());
            socket.setTcpNoDelay(true);
            return new IrcTestClient(socket, label + "@" + host + ":" + port);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("Cannot connect test client to " + host + ":" + port, e);
        }
    }

    private void register(String requestedNick, List<String> capabilities) {
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        if (!capabilities.isEmpty()) {
            sendRaw("CAP LS 302");
        }
        sendRaw("NICK " + requestedNick);
        sendRaw("USER " + requestedNick + " 0 * :Test client " + requestedNick);
        if (!capabilities.isEmpty()) {
            awaitParsed("CAP LS reply", l -> isCap(l, "LS"), remaining(deadline));
            sendRaw("CAP REQ :" + String.join(" ", capabilities));
            IrcLine answer = awaitParsed("CAP ACK/NAK", l -> isCap(l, "ACK") || isCap(l, "NAK"), remaining(deadline));
            if (isCap(answer, "NAK")) {
                throw new IllegalStateException("Server refused capabilities " + capabilities + ": " + answer.raw());
            }
            sendRaw("CAP END");
        }
        IrcLine welcome = awaitParsed("001 welcome",
                l -> "001".equals(l.command()) || REGISTRATION_FAILURES.contains(l.command()), remaining(deadline));
        if (!"001".equals(welcome.command())) {
            throw new IllegalStateException("Registration as " + requestedNick + " failed: " + welcome.raw());
        }
        nick = welcome.param(0);
    }

    /** The nick the server confirmed (it may have truncated the requested one); null before 001. */
    public String nick() {
        return nick;
    }

    /** Sends one line; CRLF is appended, and embedded CR/LF are rejected as they would split it. */
    public void sendRaw(String line) {
        if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A raw line must not contain CR or LF: " + line);
        }
        sendRawBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends bytes exactly as given, for tests that feed the server garbage or partial lines. */
    public void sendRawBytes(byte[] bytes) {
        try {
            synchronized (out) {
                out.write(bytes);
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Test client " + nick + " could not send", e);
        }
    }

    public void privmsg(String target, String text) {
        sendRaw("PRIVMSG " + target + " :" + text);
    }

    public void notice(String target, String text) {
        sendRaw("NOTICE " + target + " :" + text);
    }

    /** Joins and waits for the server's JOIN echo for this client. */
    public void join(String channel) {
        sendRaw("JOIN " + channel);
        IrcLine reply = awaitParsed("JOIN echo for " + channel,
                l -> (isOwn(l, "JOIN") && CaseMapping.same(l.param(0), channel))
                        || (JOIN_FAILURES.contains(l.command()) && CaseMapping.same(l.param(1), channel)),
                DEFAULT_TIMEOUT);
        if (!"JOIN".equals(reply.command())) {
            throw new IllegalStateException("Could not join " + channel + ": " + reply.raw());
        }
    }

    /** Parts and waits for the server's PART echo for this client. */
    public void part(String channel) {
        sendRaw("PART " + channel);
        IrcLine reply = awaitParsed("PART echo for " + channel,
                l -> (isOwn(l, "PART") && CaseMapping.same(l.param(0), channel))
                        || (Set.of("403", "442").contains(l.command()) && CaseMapping.same(l.param(1), channel)),
                DEFAULT_TIMEOUT);
        if (!"PART".equals(reply.command())) {
            throw new IllegalStateException("Could not part " + channel + ": " + reply.raw());
        }
    }

    /** Changes nick and waits for the NICK echo; the new nick is what the server confirmed. */
    public void nick(String newNick) {
        sendRaw("NICK " + newNick);
        IrcLine reply = awaitParsed("NICK echo for " + newNick,
                l -> isOwn(l, "NICK") || REGISTRATION_FAILURES.contains(l.command()), DEFAULT_TIMEOUT);
        if (!"NICK".equals(reply.command())) {
            throw new IllegalStateException("Could not change nick to " + newNick + ": " + reply.raw());
        }
        nick = reply.param(0);
    }

    /** Sends QUIT and waits until the server has closed the connection. */
    public void quit(String reason) {
        sendRaw("QUIT :" + reason);
        awaitDisconnect(DEFAULT_TIMEOUT);
        close();
    }

    /** Waits for the first unconsumed line matching {@code p} and returns it raw. */
    public String awaitLine(Predicate<IrcLine> p, Duration timeout) {
        return awaitParsed("a matching line", p, timeout).raw();
    }

    /** Like {@link #awaitLine(Predicate, Duration)} with a description for the timeout message. */
    public String awaitLine(String description, Predicate<IrcLine> p, Duration timeout) {
        return awaitParsed(description, p, timeout).raw();
    }

    /**
     * Waits for the first line not consumed by an earlier wait that matches {@code p}, consumes it and
     * returns it parsed. Lines received before the call count.
     *
     * @throws IrcAwaitTimeoutException when the deadline passes
     * @throws IllegalStateException when the connection closed and no received line matches
     */
    public IrcLine awaitParsed(String description, Predicate<IrcLine> p, Duration timeout) {
        return history.await(description, p, timeout);
    }

    /**
     * Waits until {@code nick} is in {@code channel}, asking the server with NAMES until the deadline; for
     * members whose JOIN this client may have missed (it joined later, or the other joined first).
     */
    public void awaitMember(String channel, String nick, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ChannelNames.of(this, channel, timeout).contains(nick)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IrcAwaitTimeoutException("Timed out after " + timeout.toMillis() + " ms waiting for "
                        + nick + " to be in " + channel);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** Waits for a PRIVMSG to {@code target} (channel, or this client's nick) whose text matches. */
    public ReceivedMessage awaitPrivmsg(String target, Predicate<String> textMatches, Duration timeout) {
        return awaitMessage("PRIVMSG", target, textMatches, timeout);
    }

    /** Waits for a NOTICE to {@code target} (channel, or this client's nick) whose text matches. */
    public ReceivedMessage awaitNotice(String target, Predicate<String> textMatches, Duration timeout) {
        return awaitMessage("NOTICE", target, textMatches, timeout);
    }

    private ReceivedMessage awaitMessage(String command, String target, Predicate<String> text, Duration timeout) {
        IrcLine line = awaitParsed(command + " to " + target,
                l -> command.equals(l.command()) && CaseMapping.same(l.param(0), target) && text.test(l.param(1)),
                timeout);
        return ReceivedMessage.of(line);
    }

    /** Waits until the server closes the connection (after QUIT, a kill or a server stop). */
    public void awaitDisconnect(Duration timeout) {
        history.awaitClosed(timeout);
    }

    /** Whether the connection is still open as far as the reader can tell. */
    public boolean isConnected() {
        return !history.isClosed();
    }

    /** Every raw line received so far (the most recent 10,000 at most), oldest first. */
    public List<String> received() {
        return history.raw();
    }

    /** Closes the socket at once, without QUIT, the way a crashed client would; see {@link #quit}. */
    @Override
    public void close() {
        closeQuietly(socket);
        try {
            reader.join(DEFAULT_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean isOwn(IrcLine l, String command) {
        return command.equals(l.command()) && CaseMapping.same(l.nick(), nick);
    }

    private static boolean isCap(IrcLine l, String sub) {
        return "CAP".equals(l.command()) && sub.equalsIgnoreCase(l.param(1));
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /** Splits on CR or LF and decodes with replacement, mirroring the server's tolerance. */
    private void readLoop() {
        String reason = "closed by server";
        try (InputStream in = socket.getInputStream()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n' || buf[i] == '\r') {
                        if (line.size() > 0) {
                            onLine(line.toString(StandardCharsets.UTF_8));
                            line.reset();
                        }
                    } else {
                        line.write(buf[i]);
                    }
                }
            }
        } catch (IOException e) {
            reason = socket.isClosed() ? "closed locally" : "connection error: " + e.getMessage();
        } finally {
            history.close(reason);
        }
    }

    private void onLine(String raw) {
        IrcLine line = IrcLine.parse(raw);
        if ("PING".equals(line.command())) {
            try {
                sendRaw("PONG :" + line.param(0));
            } catch (UncheckedIOException e) {
                // The connection is going away; the reader will notice on its next read.
            }
        }
        history.add(line);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is best effort; the socket is unusable either way.
        }
    }
}
