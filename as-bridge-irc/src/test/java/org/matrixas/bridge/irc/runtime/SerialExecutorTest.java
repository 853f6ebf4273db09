package org.matrixas.bridge.irc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    @Test
    void submit_sameKey_runsInOrderEvenAfterFailure() throws Exception {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        try (SerialExecutor ex = new SerialExecutor("t", 8)) {
            CompletableFuture<Void> last = null;
            for (int i = 0; i < 200; i++) {
                int n = i;
                last = ex.submit("k", () -> {
                    seen.add(n);
                    if (n == 50) {
                        throw new IllegalStateException("boom");
                    }
                });
            }
            last.get(10, TimeUnit.SECONDS);
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add(i);
        }
        assertEquals(expected, seen);
    }

    @Test
    void submitAfter_waitsForGate_laterTasksOfKeyQueueBehind_otherKeysGoOn() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> gate = new CompletableFuture<>();
        try (SerialExecutor ex = new SerialExecutor("t", 4)) {
            CompletableFuture<Void> gated = ex.submitAfter("k", gate, () -> seen.add("gated"));
            CompletableFuture<Void> behind = ex.submit("k", () -> seen.add("behind"));
            ex.submit("other", () -> seen.add("other")).get(10, TimeUnit.SECONDS);
            assertEquals(List.of("other"), seen, "nothing of key k runs while its gate is closed");
            assertFalse(gated.isDone());
            gate.completeExceptionally(new IllegalStateException("a failed gate opens too"));
            behind.get(10, TimeUnit.SECONDS);
            assertEquals(List.of("other", "gated", "behind"), seen);
        }
    }

    @Test
    void submit_otherKey_notBlockedBySlowKey() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (SerialExecutor ex = new SerialExecutor("t", 4)) {
            ex.submit("slow", () -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            ex.submit("fast", () -> { }).get(5, TimeUnit.SECONDS);
            release.countDown();
        }
    }
}
