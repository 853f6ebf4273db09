package org.matrixas.testkit.irc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client's socket and session. Session fields are guarded by the {@link ServerState} lock; the output
 * queue is lock-free so any thread may enqueue while only the owning {@link IoLoop} writes to the socket,
 * which keeps lines whole and in order without a writer thread per connection.
 */
final class ClientConnection {
    /** A client that lets this much pile up is not reading; drop it like a real server's SendQ limit. */
    private static final long MAX_QUEUED_BYTES = 4L << 20;
    private static final int MAX_GATHER = 64;

    final SocketChannel socket;
    final IoLoop loop;
    final String host;
    final LineSplitter splitter = new LineSplitter();

    // Session state: guarded by the ServerState monitor.
    String nick;
    String user;
    String realName = "";
    String away;
    boolean registered;
    boolean capNegotiating;
    boolean ended;
    /** The services account logged into, or null. */
    String account;
    /** The SASL PLAIN payload received so far, or null when no AUTHENTICATE exchange is under way. */
    StringBuilder saslPayload;
    final Set<String> caps = new TreeSet<>();
    final Set<Character> userModes = new TreeSet<>();
    final Set<Channel> channels = new LinkedHashSet<>();

    // Output side: safe from any thread.
    private final ConcurrentLinkedQueue<ByteBuffer> out = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    final AtomicBoolean flushScheduled = new AtomicBoolean();
    private volatile CloseMode closeMode = CloseMode.NONE;
    private volatile String closeReason = "Connection closed";

    /** How a close was requested: after queued output has been written, or at once. */
    enum CloseMode { NONE, AFTER_FLUSH, NOW }

    ClientConnection(SocketChannel socket, IoLoop loop, String host) {
        this.socket = socket;
        this.loop = loop;
        this.host = host;
    }

    String nickOrStar() {
        return nick == null ? "*" : nick;
    }

    String prefix() {
        return nickOrStar() + '!' + (user == null ? "unknown" : user) + '@' + host;
    }

    boolean hasCap(String cap) {
        return caps.contains(cap);
    }

    /** Queues bytes for this client; never blocks, so it is safe while holding the state lock. */
    void enqueue(byte[] bytes) {
        if (closed.get() || closeMode == CloseMode.NOW) {
            return;
        }
        if (queuedBytes.addAndGet(bytes.length) > MAX_QUEUED_BYTES) {
            requestClose(CloseMode.NOW, "Max SendQ exceeded");
            return;
        }
        out.add(ByteBuffer.wrap(bytes));
        loop.scheduleFlush(this);
    }

    /** Asks the owning loop to close; the session itself is ended by the caller or on close. */
    void requestClose(CloseMode mode, String reason) {
        if (closeMode != CloseMode.NOW) {
            closeReason = reason;
            closeMode = mode;
        }
        loop.scheduleFlush(this);
    }

    CloseMode closeMode() {
        return closeMode;
    }

    String closeReason() {
        return closeReason;
    }

    /** Marks the socket closed; true only for the first caller so teardown runs once. */
    boolean markClosed() {
        return closed.compareAndSet(false, true);
    }

    boolean isClosed() {
        return closed.get();
    }

    /**
     * Writes as much queued output as the socket takes, gathering several lines per system call.
     * Called only from the owning loop thread.
     *
     * @return true when the queue was drained
     */
    boolean writePending() throws IOException {
        while (!out.isEmpty()) {
            ByteBuffer[] batch = new ByteBuffer[MAX_GATHER];
            int n = 0;
            for (Iterator<ByteBuffer> it = out.iterator(); it.hasNext() && n < MAX_GATHER; ) {
                batch[n++] = it.next();
            }
            socket.write(batch, 0, n);
            for (int i = 0; i < n; i++) {
                if (batch[i].hasRemaining()) {
                    return false;
                }
                out.poll();
                queuedBytes.addAndGet(-batch[i].capacity());
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "ClientConnection[" + nickOrStar() + "@" + host + "]";
    }
}
