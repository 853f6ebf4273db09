package org.matrixas.testkit.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A TLS listener on loopback that forwards each connection, once its handshake succeeded, to a plain TCP port:
 * TLS in front of a server that has none, such as the in-process IRC server. It counts the handshakes it
 * completed and those that failed (a client that refused the certificate), so a test can tell a connection
 * really was TLS.
 *
 * <p>Threads: one accepting ({@code tls-front-<port>}) and two per connection ({@code tls-front-<port>-<n>-in},
 * {@code -out}); when either side of a connection ends, both are closed. {@link #close()} ends every thread and
 * socket before it returns.
 */
public final class TlsFront implements AutoCloseable {
    private static final int HANDSHAKE_TIMEOUT_MS = 10_000;
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private final SSLContext context;
    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<Socket> sockets = new HashSet<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile String lastFailure;
    private boolean closed;

    private TlsFront(SSLContext context, InetSocketAddress target) throws IOException {
        this.context = context;
        this.target = target;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
    }

    /** Listens on a free loopback port, serving {@code certificate} and forwarding to {@code host:port}. */
    public static TlsFront start(TestCertificate certificate, String host, int port) {
        try {
            TlsFront front = new TlsFront(certificate.serverContext(), new InetSocketAddress(host, port));
            front.spawn("tls-front-" + front.port(), front::acceptLoop);
            return front;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a TLS front for " + host + ":" + port, e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** TLS handshakes completed so far. */
    public int handshakes() {
        return handshakes.get();
    }

    /** TLS handshakes that failed so far (e.g. the client did not trust the certificate). */
    public int failedHandshakes() {
        return failures.get();
    }

    /** Why the last failed handshake failed, as the server side saw it. */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    private void acceptLoop() {
        while (true) {
            Socket raw;
            try {
                raw = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (!track(raw)) {
                return;
            }
            String name = "tls-front-" + port() + "-" + connections.incrementAndGet();
            if (!spawn(name + "-in", () -> serve(raw, name))) {
                closeQuietly(raw);
            }
        }
    }

    /** Handshakes on {@code raw}, connects the target and pumps TLS to plain; a second thread pumps back. */
    private void serve(Socket raw, String name) {
        SSLSocket tls;
        try {
            // Server mode, layered so that closing the plain socket underneath unblocks a TLS read at once.
            tls = (SSLSocket) context.getSocketFactory().createSocket(raw, null, false);
            raw.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            tls.startHandshake();
            raw.setSoTimeout(0);
        } catch (IOException e) {
            lastFailure = e.toString();
            failures.incrementAndGet();
            closeQuietly(raw);
            return;
        }
        handshakes.incrementAndGet();
        Socket plain = new Socket();
        if (!track(plain)) {
            closeQuietly(raw);
            return;
        }
        try {
            plain.connect(target, CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            closeQuietly(plain);
            closeQuietly(raw);
            return;
        }
        if (spawn(name + "-out", () -> pump(plain, tls, plain, raw))) {
            pump(tls, plain, plain, raw);
        } else {
            closeQuietly(plain);
            closeQuietly(raw);
        }
    }

    /** Copies {@code from} to {@code to} until either ends, then closes both connections. */
    private static void pump(Socket from, Socket to, Socket plain, Socket raw) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // A reset or a close by the other pump: the connection is over either way.
        } finally {
            closeQuietly(plain);
            closeQuietly(raw);
        }
    }

    private synchronized boolean track(Socket socket) {
        if (closed) {
            closeQuietly(socket);
            return false;
        }
        sockets.removeIf(Socket::isClosed);
        sockets.add(socket);
        return true;
    }

    private synchronized boolean spawn(String name, Runnable task) {
        if (closed) {
            return false;
        }
        threads.removeIf(t -> !t.isAlive());
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
        return true;
    }

    /** Stops listening, drops every connection and waits for every thread of this front to end. */
    @Override
    public void close() {
        List<Thread> running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(listener);
            // Closing the TCP sockets (not the TLS layer) unblocks every read at once.
            sockets.forEach(TlsFront::closeQuietly);
            sockets.clear();
            running = new ArrayList<>(threads);
        }
        for (Thread t : running) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // Already closed or reset: nothing left to release.
        }
    }

    @Override
    public String toString() {
        return "TLS front " + host() + ":" + port() + " -> " + target;
    }
}
