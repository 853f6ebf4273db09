package org.matrixas.testkit.irc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A selector thread owning a share of the connections: it reads, splits lines, hands them to the
 * {@link ServerState} and writes queued output. A handful of these serve thousands of connections, which
 * a thread per socket would not. All selector and key operations happen on this thread; other threads
 * only enqueue work and wake it up.
 */
final class IoLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(IoLoop.class);
    private static final long JOIN_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(10);

    private final Selector selector;
    private final ServerState state;
    private final Thread thread;
    private final Queue<SocketChannel> newcomers = new ConcurrentLinkedQueue<>();
    private final Queue<ClientConnection> flushes = new ConcurrentLinkedQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(16 * 1024);
    private volatile boolean running = true;
    private volatile boolean started;
    private volatile ServerSocketChannel listener;
    private volatile Consumer<SocketChannel> acceptHandler;

    IoLoop(String threadName, ServerState state) throws IOException {
        this.selector = Selector.open();
        this.state = state;
        this.thread = new Thread(this, threadName);
        this.thread.setDaemon(true);
    }

    /** Makes this loop also accept connections; must be called before {@link #start()}. */
    void listen(ServerSocketChannel serverChannel, Consumer<SocketChannel> handler) throws IOException {
        this.listener = serverChannel;
        this.acceptHandler = handler;
        serverChannel.register(selector, SelectionKey.OP_ACCEPT);
    }

    void start() {
        started = true;
        thread.start();
    }

    /** Takes ownership of an accepted socket; registration happens on the loop thread. */
    void adopt(SocketChannel channel) {
        newcomers.add(channel);
        wakeUp();
    }

    /** Asks the loop to write (or close) a connection; coalesced so a burst of lines costs one wake-up. */
    void scheduleFlush(ClientConnection c) {
        if (c.flushScheduled.compareAndSet(false, true)) {
            flushes.add(c);
            wakeUp();
        }
    }

    /** Stops the loop, closing every socket it owns, and waits for the thread to end. */
    void shutdown() {
        running = false;
        if (!started) {
            closeEverything(); // never ran, so nothing else will release the selector
            return;
        }
        selector.wakeup();
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(JOIN_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("IRC server I/O thread did not stop: " + thread.getName());
        }
    }

    private void wakeUp() {
        if (Thread.currentThread() != thread) {
            selector.wakeup();
        }
    }

    @Override
    public void run() {
        try {
            while (running) {
                registerNewcomers();
                runFlushes();
                selector.select();
                handleSelected();
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("IRC server I/O loop {} failed", thread.getName(), e);
        } finally {
            closeEverything();
        }
    }

    private void registerNewcomers() {
        SocketChannel ch;
        while ((ch = newcomers.poll()) != null) {
            try {
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ClientConnection c = new ClientConnection(ch, this, hostOf(ch));
                ch.register(selector, SelectionKey.OP_READ, c);
                state.opened(c);
            } catch (IOException e) {
                LOG.debug("Could not register connection", e);
                closeQuietly(ch);
            }
        }
    }

    private void runFlushes() {
        ClientConnection c;
        while ((c = flushes.poll()) != null) {
            flush(c);
        }
    }

    private void handleSelected() {
        for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
            SelectionKey key = it.next();
            it.remove();
            try {
                if (key.isValid() && key.isAcceptable()) {
                    acceptAll();
                    continue;
                }
                ClientConnection c = (ClientConnection) key.attachment();
                if (key.isValid() && key.isReadable()) {
                    read(c);
                }
                if (key.isValid() && key.isWritable()) {
                    flush(c);
                }
            } catch (CancelledKeyException e) {
                // The connection was closed while its events were pending; nothing left to do.
            }
        }
    }

    private void acceptAll() {
        try {
            SocketChannel ch;
            while ((ch = listener.accept()) != null) {
                acceptHandler.accept(ch);
            }
        } catch (IOException e) {
            LOG.warn("Accept failed on {}", thread.getName(), e);
        }
    }

    private void read(ClientConnection c) {
        readBuffer.clear();
        int n;
        try {
            n = c.socket.read(readBuffer);
        } catch (IOException e) {
            n = -1;
        }
        if (n < 0) {
            close(c, true);
            return;
        }
        readBuffer.flip();
        c.splitter.feed(readBuffer, (line, tooLong) -> state.process(c, line, tooLong));
    }

    private void flush(ClientConnection c) {
        c.flushScheduled.set(false);
        if (c.isClosed()) {
            return;
        }
        if (c.closeMode() == ClientConnection.CloseMode.NOW) {
            close(c, true);
            return;
        }
        try {
            boolean drained = c.writePending();
            SelectionKey key = c.socket.keyFor(selector);
            int ops = drained ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE;
            if (key != null && key.isValid() && key.interestOps() != ops) {
                key.interestOps(ops);
            }
            // A client that is not reading would otherwise keep a killed session's socket open forever,
            // so the parting ERROR is best effort: whatever fits in the socket buffer is sent, then close.
            if (c.closeMode() == ClientConnection.CloseMode.AFTER_FLUSH) {
                close(c, true);
            }
        } catch (IOException e) {
            close(c, true);
        }
    }

    private void close(ClientConnection c, boolean notifyState) {
        if (!c.markClosed()) {
            return;
        }
        SelectionKey key = c.socket.keyFor(selector);
        if (key != null) {
            key.cancel();
        }
        closeQuietly(c.socket);
        if (notifyState) {
            state.closed(c);
        }
    }

    /**
     * On a requested shutdown the server resets the whole state, so peers are not told about each close;
     * if the loop died on its own, its clients must still leave the network state.
     */
    private void closeEverything() {
        boolean unexpected = running;
        for (SelectionKey key : List.copyOf(selector.keys())) {
            if (key.attachment() instanceof ClientConnection c) {
                close(c, unexpected);
            }
        }
        SocketChannel ch;
        while ((ch = newcomers.poll()) != null) {
            closeQuietly(ch);
        }
        if (listener != null) {
            closeQuietly(listener);
        }
        closeQuietly(selector);
    }

    private static String hostOf(SocketChannel ch) throws IOException {
        String host = ((InetSocketAddress) ch.getRemoteAddress()).getAddress().getHostAddress();
        int scope = host.indexOf('%');
        return scope < 0 ? host : host.substring(0, scope);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("Ignoring close failure", e);
        }
    }
}
