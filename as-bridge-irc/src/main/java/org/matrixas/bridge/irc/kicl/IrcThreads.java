package org.matrixas.bridge.irc.kicl;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.kitteh.irc.client.library.Client;

/**
 * The fixed pool that every IRC connection of the bridge shares: a Netty event loop group for the sockets and one
 * scheduler for sending queues and reconnects. Closing it stops both; close it after the clients.
 */
public final class IrcThreads implements AutoCloseable {
    private final EventLoopGroup loop;
    private final ScheduledExecutorService scheduler;
    /** Each client's current sending queue, for {@link #whenWritten}; a queue leaves when it is shut down. */
    private final Map<Client, ScheduledSendingQueue> queues = new ConcurrentHashMap<>();

    private IrcThreads(int loopThreads) {
        this.loop = new NioEventLoopGroup(loopThreads, daemons("irc-loop"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemons("irc-scheduler"));
    }

    /** A pool with {@code loopThreads} event loop threads (at least 1) and one scheduler thread. */
    public static IrcThreads create(int loopThreads) {
        if (loopThreads < 1) {
            throw new IllegalArgumentException("loopThreads must be at least 1, got " + loopThreads);
        }
        return new IrcThreads(loopThreads);
    }

    EventLoopGroup loop() {
        return loop;
    }

    /** The shared scheduler; tasks on it must not block. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    ScheduledSendingQueue track(Client client, ScheduledSendingQueue queue) {
        queues.put(client, queue);
        queue.onShutdown(() -> queues.remove(client, queue));
        return queue;
    }

    /**
     * Completes once the IRC server has read every line {@code client} has queued so far (confirmed by a PING
     * behind them, see {@link ScheduledSendingQueue}), and fails if the connection is shut down first. A client
     * not built by {@link KiclParts} has nothing to wait for.
     */
    public CompletableFuture<Void> whenWritten(Client client) {
        ScheduledSendingQueue q = queues.get(client);
        return q == null ? CompletableFuture.completedFuture(null) : q.whenWritten();
    }

    /** {@code client} received a PONG with {@code token}; its queue checks whether it answers one of its PINGs. */
    void ponged(Client client, String token) {
        ScheduledSendingQueue q = queues.get(client);
        if (q != null) {
            q.acknowledged(token);
        }
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
