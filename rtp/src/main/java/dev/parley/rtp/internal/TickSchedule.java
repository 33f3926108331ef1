package dev.parley.rtp.internal;

import java.util.Arrays;

/**
 * The paced sender's clock: each entry ticks every {@code period} nanoseconds. Due times are
 * computed from the previous due time, never from "now", so a late wake-up delays a tick without
 * shifting the ones after it (no drift). An entry that falls more than {@link #MAX_BEHIND} periods
 * behind (a stalled machine) skips ahead instead of bursting. One schedule serves every stream of
 * a selector thread: no thread, timer or sleep per stream. Not thread-safe.
 *
 * <p>A hashed timing wheel: {@value #SLOTS} slots of 2<sup>{@value #SLOT_SHIFT}</sup> ns (about
 * 1 ms, the selector's own timeout resolution), each a list of the entries due in it. Adding,
 * rescheduling and running a tick cost O(1) whatever the number of streams, where a heap costs
 * O(log n) comparisons and moves; an entry due beyond one turn of the wheel (134 ms) is passed
 * over until its turn comes. Within a slot ticks run in no particular order; across slots, in due
 * order.
 *
 * <p>The wheel is kept in parallel arrays indexed by entry number (due times, periods, list links,
 * flags), not in linked objects: a tick writes only primitives, so thousands of streams ticking
 * every 20 ms neither chase pointers across the heap nor dirty the garbage collector's cards
 * (with G1, every reference stored into an old object is work for its refinement threads).
 * Nothing is allocated per tick; the arrays grow by doubling when entries are added.
 *
 * @param <T> what ticks
 */
public final class TickSchedule<T> {

    /** Periods an entry may fall behind before it skips ahead. */
    public static final int MAX_BEHIND = 5;

    static final int SLOT_SHIFT = 20;
    static final int SLOTS = 128;
    private static final int MASK = SLOTS - 1;
    private static final int NONE = -1;

    /** The handle of one periodic entry. */
    public static final class Entry<T> {
        private final TickSchedule<T> owner;
        private final int id;
        private final T item;
        private long skipped;
        private boolean cancelled;

        Entry(TickSchedule<T> owner, int id, T item) {
            this.owner = owner;
            this.id = id;
            this.item = item;
        }

        public T item() {
            return item;
        }

        /** Ticks skipped because the entry fell too far behind. */
        public long skipped() {
            return skipped;
        }

        /** Changes the period from the next tick on. */
        public void period(long newPeriod) {
            if (newPeriod <= 0) {
                throw new IllegalArgumentException("period " + newPeriod);
            }
            if (!cancelled) {
                owner.period[id] = newPeriod;
            }
        }

        public void cancel() {
            if (!cancelled) {
                cancelled = true;
                owner.cancelled[id] = true; // the wheel drops it when it next passes
            }
        }
    }

    /** Receives due ticks. */
    @FunctionalInterface
    public interface Ticker<T> {
        void tick(T item, long dueNanos);
    }

    private final int[] heads = new int[SLOTS];
    /** Slots of wheel ticks below this have been run; the wheel tick of the last {@code runDue}. */
    private long cursor = Long.MIN_VALUE;
    private int size;
    private int capacity;
    @SuppressWarnings("unchecked")
    private Entry<T>[] entries = new Entry[0];
    private long[] due = new long[0];
    private long[] period = new long[0];
    private int[] next = new int[0];
    private boolean[] cancelled = new boolean[0];
    /** Free entry numbers, chained through {@code next}. */
    private int free = NONE;
    private int[] ready = new int[16];
    private int readyCount;

    public TickSchedule() {
        Arrays.fill(heads, NONE);
    }

    /** Adds {@code item}, first due at {@code firstDue}, then every {@code period} ns. */
    public Entry<T> add(T item, long period, long firstDue) {
        if (period <= 0) {
            throw new IllegalArgumentException("period " + period);
        }
        if (free == NONE) {
            grow();
        }
        int id = free;
        free = next[id];
        Entry<T> e = new Entry<>(this, id, item);
        entries[id] = e;
        due[id] = firstDue;
        this.period[id] = period;
        cancelled[id] = false;
        insert(id);
        size++;
        return e;
    }

    private void grow() {
        int grown = Math.max(16, capacity * 2);
        entries = Arrays.copyOf(entries, grown);
        due = Arrays.copyOf(due, grown);
        period = Arrays.copyOf(period, grown);
        next = Arrays.copyOf(next, grown);
        cancelled = Arrays.copyOf(cancelled, grown);
        for (int id = grown - 1; id >= capacity; id--) {
            next[id] = free;
            free = id;
        }
        capacity = grown;
    }

    /** Drops a cancelled entry that has just been unlinked from the wheel. */
    private void release(int id) {
        entries[id] = null;
        next[id] = free;
        free = id;
        size--;
    }

    private void insert(int id) {
        long tick = due[id] >> SLOT_SHIFT;
        if (cursor == Long.MIN_VALUE || tick < cursor) {
            cursor = tick; // due before the slots already run: walk back to it next time
        }
        int slot = (int) tick & MASK;
        next[id] = heads[slot];
        heads[slot] = id;
    }

    /** Calls {@code ticker} for every tick due at or before {@code now}, in due order across slots. */
    public int runDue(long now, Ticker<T> ticker) {
        if (size == 0) {
            return 0;
        }
        collectDue(now);
        int n = 0;
        int i = 0;
        try {
            for (; i < readyCount; i++) {
                int id = ready[i];
                if (cancelled[id]) {
                    release(id);
                    continue;
                }
                long dueNow = due[id];
                long p = period[id];
                long following = dueNow + p;
                if (now - following > MAX_BEHIND * p) {
                    long behind = (now - following) / p;
                    entries[id].skipped += behind;
                    following += behind * p;
                }
                due[id] = following;
                // Rescheduled before the tick runs: a tick that throws does not stop it.
                if (following - now <= 0) {
                    addReady(id); // still behind: it catches up in this call
                } else {
                    insert(id);
                }
                n++;
                ticker.tick(entries[id].item, dueNow);
            }
        } finally {
            // After a tick threw, the entries not yet run go back on the wheel, due at once.
            for (i++; i < readyCount; i++) {
                insert(ready[i]);
            }
            readyCount = 0;
        }
        return n;
    }

    /** Moves every entry due by {@code now} (and every cancelled one met) from the wheel to {@code ready}. */
    private void collectDue(long now) {
        long last = now >> SLOT_SHIFT;
        long first = last - cursor >= SLOTS ? last - MASK : cursor; // one turn visits every slot
        for (long tick = first; tick <= last; tick++) {
            int slot = (int) tick & MASK;
            int prev = NONE;
            int id = heads[slot];
            while (id != NONE) {
                int following = next[id];
                if (cancelled[id] || due[id] - now <= 0) {
                    if (prev == NONE) {
                        heads[slot] = following;
                    } else {
                        next[prev] = following;
                    }
                    addReady(id);
                } else {
                    prev = id;
                }
                id = following;
            }
        }
        if (last > cursor) {
            cursor = last;
        }
    }

    private void addReady(int id) {
        if (readyCount == ready.length) {
            ready = Arrays.copyOf(ready, readyCount * 2);
        }
        ready[readyCount++] = id;
    }

    /** Nanoseconds from {@code now} to the next due tick (0 if one is due), or -1 if empty. */
    public long nanosUntilNext(long now) {
        long earliest = earliestDue();
        return earliest == Long.MAX_VALUE ? -1 : Math.max(0, earliest - now);
    }

    /** The due time of the next tick (it may be past), or {@link Long#MAX_VALUE} if empty. */
    public long earliestDue() {
        if (size == 0) {
            return Long.MAX_VALUE;
        }
        // The first slot from the cursor holding an entry due in this turn of the wheel.
        for (long tick = cursor; tick < cursor + SLOTS; tick++) {
            long earliest = earliestIn((int) tick & MASK, tick);
            if (earliest != Long.MAX_VALUE) {
                return earliest;
            }
        }
        long earliest = Long.MAX_VALUE; // every entry is more than a turn ahead (or was cancelled)
        for (int slot = 0; slot < SLOTS; slot++) {
            for (int id = heads[slot]; id != NONE; id = next[id]) {
                earliest = Math.min(earliest, due[id]);
            }
        }
        return earliest;
    }

    /** The earliest due time in {@code slot} of an entry due by wheel tick {@code tick}; drops cancelled ones. */
    private long earliestIn(int slot, long tick) {
        long earliest = Long.MAX_VALUE;
        int prev = NONE;
        int id = heads[slot];
        while (id != NONE) {
            int following = next[id];
            if (cancelled[id]) {
                if (prev == NONE) {
                    heads[slot] = following;
                } else {
                    next[prev] = following;
                }
                release(id);
            } else {
                if (due[id] >> SLOT_SHIFT <= tick && due[id] < earliest) {
                    earliest = due[id];
                }
                prev = id;
            }
            id = following;
        }
        return earliest;
    }

    /** Entries scheduled (cancelled ones leave when the wheel next passes them). */
    public int size() {
        return size;
    }
}
