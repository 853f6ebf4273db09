package org.matrixas.bridge.irc.kicl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.matrixas.bridge.irc.config.FloodConfig;
import org.matrixas.bridge.irc.testing.Await;

class ScheduledSendingQueueTest {
    /** A real scheduler that also records the delay of every task it is given. */
    static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
        final List<Long> delaysMs = new CopyOnWriteArrayList<>();

        RecordingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delaysMs.add(unit.toMillis(delay));
            return super.schedule(command, delay, unit);
        }
    }

    private final RecordingScheduler scheduler = new RecordingScheduler();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void queue_manyLinesFromSeveralThreads_eachThreadsLinesKeepTheirOrder() throws Exception {
        ScheduledSendingQueue q = new ScheduledSendingQueue(scheduler, new FloodConfig(5, 1));
        List<String> sent = new CopyOnWriteArrayList<>();
        q.beginSending(sent::add);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int id = t;
            writers.add(new Thread(() -> IntStream.range(0, 40).forEach(i -> q.queue(id + ":" + i))));
        }
        writers.forEach(Thread::start);
        for (Thread w : writers) {
            w.join();
        }
        Await.until(java.time.Duration.ofSeconds(10), () -> sent.size() == 120, () -> "all lines sent");
        for (int t = 0; t < 3; t++) {
            String prefix = t + ":";
            List<String> mine = sent.stream().filter(s -> s.startsWith(prefix)).toList();
            assertEquals(IntStream.range(0, 40).mapToObj(i -> prefix + i).toList(), mine);
        }
    }

    @Test
    void queue_moreThanBurst_restWaitsForTheInterval() {
        ScheduledSendingQueue q = new ScheduledSendingQueue(scheduler, new FloodConfig(2, 60_000));
        List<String> sent = new CopyOnWriteArrayList<>();
        q.beginSending(sent::add);
        IntStream.range(0, 5).forEach(i -> q.queue("line " + i));
        Await.until(java.time.Duration.ofSeconds(10), () -> sent.size() == 2, () -> "the burst to go out");
        Await.until(java.time.Duration.ofSeconds(10), () -> scheduler.delaysMs.stream().anyMatch(d -> d > 50_000), () -> "the next drain to be scheduled");
        assertEquals(List.of("line 0", "line 1"), sent);
        assertEquals(List.of("line 2", "line 3", "line 4"), List.copyOf(q.shutdown()));
    }

    @Test
    void pause_thenBeginSending_resumesInOrder() {
        ScheduledSendingQueue q = new ScheduledSendingQueue(scheduler, FloodConfig.unlimited());
        List<String> sent = new CopyOnWriteArrayList<>();
        q.queue("a");
        q.queue("b");
        assertTrue(q.contains("a"));
        q.beginSending(sent::add);
        Await.until(java.time.Duration.ofSeconds(10), () -> sent.size() == 2, () -> "a and b");
        q.pause();
        q.queue("c");
        assertTrue(q.contains("c"));
        q.beginSending(sent::add);
        Await.until(java.time.Duration.ofSeconds(10), () -> sent.size() == 3, () -> "c");
        assertEquals(List.of("a", "b", "c"), sent);
    }

    @Test
    void whenWritten_completesOnlyOnThePongOfAPingBehindTheLines_failsOnShutdown() throws Exception {
        ScheduledSendingQueue q = new ScheduledSendingQueue(scheduler, FloodConfig.unlimited());
        assertTrue(q.whenWritten().isDone(), "nothing queued: nothing to wait for");
        List<String> sent = new CopyOnWriteArrayList<>();
        q.queue("PRIVMSG #c :a");
        CompletableFuture<Void> first = q.whenWritten();
        CompletableFuture<Void> shared = q.whenWritten();
        q.queue("PRIVMSG #c :b");
        CompletableFuture<Void> second = q.whenWritten();
        q.beginSending(sent::add);
        await(() -> sent.size() == 4);
        assertEquals("PRIVMSG #c :a", sent.get(0));
        assertTrue(sent.get(1).startsWith("PING :mxack"), sent.get(1));
        assertEquals("PRIVMSG #c :b", sent.get(2));
        assertTrue(sent.get(3).startsWith("PING :mxack"), sent.get(3));
        assertEquals(4, sent.size(), "a second wait with nothing queued in between shares the first PING");
        assertFalse(first.isDone(), "written to the socket is not yet read by the server");

        q.acknowledged("mxack999." + 2); // another queue's token
        q.acknowledged(token(sent.get(1)).replace(".", ".x"));
        assertFalse(first.isDone(), "tokens that are not this queue's PINGs acknowledge nothing");
        q.acknowledged(token(sent.get(1)));
        first.get(10, TimeUnit.SECONDS);
        shared.get(10, TimeUnit.SECONDS);
        assertFalse(second.isDone(), "b's PING is not answered yet");
        q.shutdown();
        ExecutionException e = assertThrows(ExecutionException.class, () -> second.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("shut down"), e.getCause().getMessage());
    }

    @Test
    void whenWritten_aLaterPongAcknowledgesEveryEarlierWait() throws Exception {
        ScheduledSendingQueue q = new ScheduledSendingQueue(scheduler, FloodConfig.unlimited());
        List<String> sent = new CopyOnWriteArrayList<>();
        q.queue("x");
        CompletableFuture<Void> first = q.whenWritten();
        q.queue("y");
        CompletableFuture<Void> second = q.whenWritten();
        q.beginSending(sent::add);
        await(() -> sent.size() == 4);
        q.acknowledged(token(sent.get(3)));
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
    }

    private static String token(String pingLine) {
        return pingLine.substring("PING :".length());
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
