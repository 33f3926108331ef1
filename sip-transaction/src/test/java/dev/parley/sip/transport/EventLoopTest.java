package dev.parley.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The stack's single thread: tasks and timers run on it, failures do not stop it, its queue is bounded. */
class EventLoopTest {

    @Test
    void failingTask_doesNotStopTheLoop() throws Exception {
        try (EventLoop loop = new EventLoop("t", 1, 100, 100)) {
            assertTrue(loop.execute(() -> {
                throw new IllegalStateException("boom");
            }));
            CompletableFuture<Boolean> onLoop = new CompletableFuture<>();
            assertTrue(loop.execute(() -> onLoop.complete(loop.inLoop())));
            assertTrue(onLoop.get(5, TimeUnit.SECONDS));
            assertEquals(1, loop.failedCallbacks());
        }
    }

    @Test
    void timers_runOnTheLoopThread() throws Exception {
        try (EventLoop loop = new EventLoop("t", 1, 100, 100)) {
            CompletableFuture<Boolean> fired = new CompletableFuture<>();
            loop.execute(() -> loop.schedule(20, () -> fired.complete(loop.inLoop())));
            assertTrue(fired.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void fullQueue_refusesTasks() throws Exception {
        try (EventLoop loop = new EventLoop("t", 1, 100, 2)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch blocked = new CountDownLatch(1);
            loop.execute(() -> {
                blocked.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(blocked.await(5, TimeUnit.SECONDS));
            assertTrue(loop.execute(() -> { }));
            assertTrue(loop.execute(() -> { }));
            assertFalse(loop.execute(() -> { }));
            release.countDown();
        }
    }
}
