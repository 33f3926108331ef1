package dev.parley.sip.transaction;

import java.lang.System.Logger.Level;

/**
 * A hashed timer wheel (Varghese and Lauck, scheme 6): a ring of buckets, each a doubly linked
 * list of timers, indexed by the timer's due tick modulo the ring size. Scheduling and cancelling
 * are O(1); {@link #runDue()} costs one bucket walk per elapsed tick.
 *
 * <p>Not thread-safe: it belongs to the one thread that runs the transaction layer (see the
 * package documentation). The number of pending timers is bounded by {@code maxTimers}.
 */
public final class TimerWheel implements Scheduler {

    private static final System.Logger LOG = System.getLogger(TimerWheel.class.getName());

    private final Clock clock;
    private final long tickMillis;
    private final long origin;
    private final Entry[] heads;
    private final int mask;
    private final int maxTimers;
    private long nextTick;
    private int size;
    /** The tick whose bucket is being run, or -1; a timer due in it makes the bucket run again. */
    private long runningTick = -1;
    private boolean lateArrival;
    private long failedTasks;

    /**
     * @param clock      the time source
     * @param tickMillis resolution: a timer runs within one tick after its deadline
     * @param buckets    ring size, rounded up to a power of two
     * @param maxTimers  bound on pending timers; {@link #schedule} refuses beyond it
     */
    public TimerWheel(Clock clock, long tickMillis, int buckets, int maxTimers) {
        if (tickMillis < 1 || buckets < 1 || buckets > (1 << 24) || maxTimers < 1) {
            throw new IllegalArgumentException("bad wheel: tick=" + tickMillis + " buckets=" + buckets + " max=" + maxTimers);
        }
        this.clock = clock;
        this.tickMillis = tickMillis;
        this.origin = clock.millis();
        int ring = Integer.highestOneBit(buckets);
        if (ring < buckets) {
            ring <<= 1;
        }
        this.heads = new Entry[ring];
        this.mask = ring - 1;
        this.maxTimers = maxTimers;
        this.nextTick = 1;
    }

    @Override
    public long now() {
        return clock.millis();
    }

    /** Pending timers. */
    public int size() {
        return size;
    }

    /** Tasks that threw (each is caught and counted). */
    public long failedTasks() {
        return failedTasks;
    }

    /** @throws IllegalStateException when {@code maxTimers} timers are already pending */
    @Override
    public Timeout schedule(long delayMillis, Runnable task) {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("negative delay " + delayMillis);
        }
        if (size >= maxTimers) {
            throw new IllegalStateException("timer wheel full: " + maxTimers + " timers pending");
        }
        long deadline = clock.millis() + delayMillis;
        long tick = Math.max(nextTick, ceilDiv(deadline - origin, tickMillis));
        if (tick == runningTick) {
            lateArrival = true;
        }
        Entry e = new Entry(this, tick, deadline, task);
        int b = (int) (tick & mask);
        e.bucket = b;
        Entry head = heads[b];
        if (head == null) {
            e.prev = e;
            heads[b] = e;
        } else {
            // head.prev is the tail: append so that timers due in the same tick run in FIFO order.
            Entry tail = head.prev;
            tail.next = e;
            e.prev = tail;
            head.prev = e;
        }
        size++;
        return e;
    }

    /** Runs every timer whose tick has passed, in tick order; returns how many ran. */
    public int runDue() {
        long nowTick = Math.floorDiv(clock.millis() - origin, tickMillis);
        int ran = 0;
        if (nowTick - nextTick >= heads.length) {
            // Long stall (the loop was blocked): one sweep of the whole ring instead of a walk per
            // tick. Timers scheduled by the tasks land after it.
            nextTick = nowTick + 1;
            for (int b = 0; b < heads.length; b++) {
                ran += runBucket(b, nowTick);
            }
            return ran;
        }
        while (nextTick <= nowTick) {
            runningTick = nextTick;
            do {
                // A task may schedule a timer due in this very tick (delay 0): run the bucket again.
                lateArrival = false;
                ran += runBucket((int) (nextTick & mask), nextTick);
            } while (lateArrival);
            runningTick = -1;
            nextTick++;
        }
        return ran;
    }

    private int runBucket(int b, long uptoTick) {
        int ran = 0;
        Entry e = heads[b];
        while (e != null) {
            Entry next = e.next;
            if (e.tick <= uptoTick) {
                unlink(e);
                ran++;
                try {
                    e.task.run();
                } catch (RuntimeException ex) {
                    // A failing callback must not stop the loop that runs every other transaction;
                    // logged at the 1st, 2nd, 4th, 8th... failure so that a flood cannot flood the log.
                    failedTasks++;
                    if (Long.bitCount(failedTasks) == 1) {
                        LOG.log(Level.WARNING, "timer task failed (" + failedTasks + " so far)", ex);
                    }
                }
                if (next != null && next.wheel == null) {
                    // The task cancelled the timer we were about to visit: walk again from the head.
                    next = heads[b];
                }
            }
            e = next;
        }
        return ran;
    }

    private void unlink(Entry e) {
        Entry head = heads[e.bucket];
        if (e == head) {
            Entry next = e.next;
            if (next != null) {
                next.prev = e.prev;
            }
            heads[e.bucket] = next;
        } else {
            e.prev.next = e.next;
            if (e.next != null) {
                e.next.prev = e.prev;
            } else {
                head.prev = e.prev;
            }
        }
        e.next = null;
        e.prev = null;
        e.wheel = null;
        size--;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** A node of a bucket list; its own handle. */
    private static final class Entry implements Timeout {
        TimerWheel wheel;
        final long tick;
        final long deadline;
        final Runnable task;
        int bucket;
        Entry prev;
        Entry next;

        Entry(TimerWheel wheel, long tick, long deadline, Runnable task) {
            this.wheel = wheel;
            this.tick = tick;
            this.deadline = deadline;
            this.task = task;
        }

        @Override
        public boolean cancel() {
            TimerWheel w = wheel;
            if (w == null) {
                return false;
            }
            w.unlink(this);
            return true;
        }

        @Override
        public boolean isPending() {
            return wheel != null;
        }

        @Override
        public long deadline() {
            return deadline;
        }
    }
}
