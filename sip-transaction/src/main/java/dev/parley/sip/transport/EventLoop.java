package dev.parley.sip.transport;

import dev.parley.sip.transaction.Clock;
import dev.parley.sip.transaction.Scheduler;
import dev.parley.sip.transaction.TimerWheel;
import dev.parley.sip.transaction.Timeout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * The one thread of a stack: it waits on a NIO {@link Selector} for its sockets, runs the tasks
 * other threads hand it, and fires the timers of its {@link TimerWheel}. Every transport callback,
 * transaction and TU callback of the stack runs here, so none of them needs a lock.
 *
 * <p>{@link #now()} and {@link #schedule} must be called on the loop thread; {@link #execute}
 * from any thread. The task queue is bounded: when it is full, {@code execute} returns false.
 */
public final class EventLoop implements Scheduler, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());

    private final Selector selector;
    private final TimerWheel wheel;
    private final BlockingQueue<Runnable> tasks;
    private final Thread thread;
    private volatile boolean running = true;
    private long failedCallbacks;

    /**
     * @param name       thread name
     * @param tickMillis timer resolution
     * @param maxTimers  bound on pending timers
     * @param maxTasks   bound on tasks queued from other threads
     */
    public EventLoop(String name, long tickMillis, int maxTimers, int maxTasks) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.wheel = new TimerWheel(Clock.system(), tickMillis, 8192, maxTimers);
        this.tasks = new ArrayBlockingQueue<>(maxTasks);
        this.thread = new Thread(() -> run(tickMillis), name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run(long tickMillis) {
        while (running) {
            try {
                selector.select(tickMillis);
                for (SelectionKey key : selector.selectedKeys()) {
                    dispatch(key);
                }
                selector.selectedKeys().clear();
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    safely(task);
                }
                wheel.runDue();
            } catch (IOException | RuntimeException e) {
                // Nothing a peer sends may stop the loop.
                failed("event loop iteration failed", e);
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "selector close failed", e);
        }
    }

    @SuppressWarnings("unchecked")
    private void dispatch(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        Consumer<SelectionKey> handler = (Consumer<SelectionKey>) key.attachment();
        try {
            handler.accept(key);
        } catch (RuntimeException e) {
            failed("socket handler failed", e);
        }
    }

    private void safely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            failed("task failed", e);
        }
    }

    /** Counts a failure; logs the 1st, 2nd, 4th, 8th... so that a flood cannot flood the log. */
    private void failed(String what, Exception e) {
        failedCallbacks++;
        if (Long.bitCount(failedCallbacks) == 1) {
            LOG.log(Level.WARNING, what + " (" + failedCallbacks + " failures so far)", e);
        }
    }

    /** Registers a channel (on the loop thread); {@code handler} runs for each ready key. */
    SelectionKey register(SelectableChannel channel, int ops, Consumer<SelectionKey> handler) throws IOException {
        channel.configureBlocking(false);
        return channel.register(selector, ops, handler);
    }

    /** Runs {@code task} on the loop thread; false when the bounded queue is full or the loop is closed. */
    public boolean execute(Runnable task) {
        if (!running || !tasks.offer(task)) {
            return false;
        }
        selector.wakeup();
        return true;
    }

    /** True when called on this loop's thread. */
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    @Override
    public long now() {
        return wheel.now();
    }

    @Override
    public Timeout schedule(long delayMillis, Runnable task) {
        return wheel.schedule(delayMillis, task);
    }

    /** Callbacks that threw (each is caught, counted and logged sparsely). */
    public long failedCallbacks() {
        return failedCallbacks;
    }

    /** Stops the loop and waits up to 5 s for its thread. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        if (!inLoop()) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
