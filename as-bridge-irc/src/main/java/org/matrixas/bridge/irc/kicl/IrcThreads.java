package org.matrixas.bridge.irc.kicl;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fixed pool that every IRC connection of the bridge shares: a Netty event loop group for the sockets and one
 * scheduler for sending queues and reconnects. Closing it stops both; close it after the clients.
 */
public final class IrcThreads implements AutoCloseable {
    private final EventLoopGroup loop;
    private final ScheduledExecutorService scheduler;

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
