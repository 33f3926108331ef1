package dev.parley.rtp;

import dev.parley.rtp.internal.TickSchedule;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One selector thread of the engine: it receives for all its streams' sockets, ticks each stream
 * once per ptime from a shared {@link TickSchedule}, and runs tasks posted by other threads
 * (configure, close). Streams are only ever touched on this thread.
 */
final class SelectorLoop implements Runnable {

    private static final System.Logger LOG = System.getLogger(SelectorLoop.class.getName());
    private static final int TASK_QUEUE = 16_384;
    /** Datagrams read from a backlogged socket before the loop moves on (fairness). */
    private static final int READ_BATCH = 16;
    /**
     * How late the next tick may already be at the select before the loop counts as behind. Not 0:
     * with a thousand streams a tick falls due every 20 µs, so one is nearly always due by the time
     * the loop gets there, and batch reads would cost an empty {@code recvfrom} for most datagrams.
     */
    private static final long BEHIND_NANOS = 2_000_000L;

    private final Selector selector;
    private final MediaClock clock;
    private final TickSchedule<MediaStream> schedule = new TickSchedule<>();
    private final BlockingQueue<Runnable> tasks = new ArrayBlockingQueue<>(TASK_QUEUE);
    private final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(2048);
    private final java.util.function.Consumer<SelectionKey> reader = this::readReady;
    private final Thread thread;
    private volatile boolean running = true;
    private boolean selecting;
    /** Select rounds so far: a socket ready in two rounds running is read until empty. */
    private long round;
    /** A tick was already {@link #BEHIND_NANOS} late when the loop reached its select: drain sockets. */
    private boolean behind;
    private long receiveErrors;

    SelectorLoop(MediaClock clock, String name) throws IOException {
        this.selector = Selector.open();
        this.clock = clock;
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on this loop's thread. */
    void post(Runnable task) {
        if (!tasks.offer(task)) {
            throw new IllegalStateException("media engine task queue full");
        }
        selector.wakeup();
    }

    TickSchedule.Entry<MediaStream> schedule(MediaStream stream, long period) {
        return schedule.add(stream, period, clock.nanoTime() + period);
    }

    SelectionKey register(DatagramChannel channel, MediaStream stream) throws IOException {
        return channel.register(selector, SelectionKey.OP_READ, stream);
    }

    /**
     * Processes cancelled keys now, so closed sockets release their ports at once. Inside a select
     * (a stream closed from one of its own callbacks) a nested select is illegal; the loop's next
     * select, which follows the callback, releases them instead.
     */
    void flushCancelledKeys() {
        if (selecting) {
            return;
        }
        try {
            selector.selectNow(reader);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "selectNow failed", e);
        }
    }

    @Override
    public void run() {
        while (running) {
            try {
                runTasks();
                long now = clock.nanoTime();
                schedule.runDue(now, MediaStream::tick);
                long after = clock.nanoTime();
                long earliest = schedule.earliestDue();
                long wait = earliest == Long.MAX_VALUE ? -1 : Math.max(0, earliest - after);
                // The consumer forms of select hand over each ready key without the selected-key
                // set, which would allocate a set entry per ready socket per round.
                selecting = true;
                round++;
                behind = earliest != Long.MAX_VALUE && after - earliest > BEHIND_NANOS;
                try {
                    if (wait == 0) {
                        selector.selectNow(reader);
                    } else if (wait < 0) {
                        selector.select(reader);
                    } else {
                        selector.select(reader, Math.max(1, (wait + 999_999) / 1_000_000));
                    }
                } finally {
                    selecting = false;
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "media loop error", e);
            }
        }
        runTasks();
        for (SelectionKey key : selector.keys()) {
            ((MediaStream) key.attachment()).closeOnLoop();
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "selector close failed", e);
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    /**
     * Reads a ready socket. At 20 ms per packet a socket rarely holds two datagrams, and a second
     * read would almost always be a system call that returns nothing: so one datagram is read, and
     * the level-triggered selector reports the socket again if more are waiting. When the loop is
     * behind (the next tick was already more than {@link #BEHIND_NANOS} late when it reached the
     * select), or a socket was ready in two
     * select rounds running, sockets have a backlog: each is read until empty, up to
     * {@link #READ_BATCH} datagrams, so that a backlog drains at once instead of one per report.
     * (One select reports at most 1,024 sockets, so with thousands ready a socket may be reported
     * only every few rounds: "two rounds running" alone does not see an overloaded loop.)
     */
    private void readReady(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        MediaStream stream = (MediaStream) key.attachment();
        DatagramChannel channel = (DatagramChannel) key.channel();
        boolean rtcp = stream.isRtcpChannel(channel);
        int batch = stream.markReadRound(rtcp, round) || behind ? READ_BATCH : 1;
        for (int i = 0; i < batch; i++) {
            receiveBuffer.clear();
            InetSocketAddress from;
            try {
                from = (InetSocketAddress) channel.receive(receiveBuffer);
            } catch (IOException e) {
                receiveErrors++; // e.g. ICMP port unreachable reported on the socket
                continue;
            }
            if (from == null) {
                return;
            }
            receiveBuffer.flip();
            stream.receive(receiveBuffer, from, rtcp);
        }
    }

    long receiveErrors() {
        return receiveErrors;
    }

    /** Totals of this loop's open streams; call on the loop thread. */
    EngineStatistics statisticsOnLoop() {
        EngineStatistics total = new EngineStatistics(0, 0, 0, 0, 0, 0, 0);
        java.util.Set<MediaStream> seen = new java.util.HashSet<>();
        for (SelectionKey key : selector.keys()) {
            MediaStream stream = (MediaStream) key.attachment();
            if (key.isValid() && seen.add(stream)) {
                total = total.plus(stream.statisticsOnLoop());
            }
        }
        return total;
    }

    /** Stops the loop after closing its streams; waits for the thread. */
    void shutdown() throws InterruptedException {
        running = false;
        selector.wakeup();
        if (!inLoop()) {
            thread.join(10_000);
        }
    }
}
