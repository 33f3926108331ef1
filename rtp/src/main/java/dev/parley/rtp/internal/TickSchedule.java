package dev.parley.rtp.internal;

/**
 * The paced sender's clock: each entry ticks every {@code period} nanoseconds. Due times are
 * computed from the previous due time, never from "now", so a late wake-up delays a tick without
 * shifting the ones after it (no drift). An entry that falls more than {@link #MAX_BEHIND} periods
 * behind (a stalled machine) skips ahead instead of bursting. One schedule serves every stream of
 * a selector thread: no thread, timer or sleep per stream. Not thread-safe.
 *
 * <p>A hashed timing wheel: {@value #SLOTS} slots of 2<sup>{@value #SLOT_SHIFT}</sup> ns (about
 * 1 ms, the selector's own timeout resolution), each an intrusive list of the entries due in it.
 * Adding, rescheduling and running a tick cost O(1) whatever the number of streams, where a heap
 * costs O(log n) comparisons and moves; an entry due beyond one turn of the wheel (134 ms) is
 * passed over until its turn comes. Within a slot ticks run in no particular order; across slots,
 * in due order. Nothing is allocated per tick.
 *
 * @param <T> what ticks
 */
public final class TickSchedule<T> {

    /** Periods an entry may fall behind before it skips ahead. */
    public static final int MAX_BEHIND = 5;

    static final int SLOT_SHIFT = 20;
    static final int SLOTS = 128;
    private static final int MASK = SLOTS - 1;

    /** One periodic entry. */
    public static final class Entry<T> {
        private final T item;
        private long period;
        private long due;
        private boolean cancelled;
        private long skipped;
        private Entry<T> next;

        Entry(T item, long period, long due) {
            this.item = item;
            this.period = period;
            this.due = due;
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
            this.period = newPeriod;
        }

        public void cancel() {
            cancelled = true;
        }
    }

    /** Receives due ticks. */
    @FunctionalInterface
    public interface Ticker<T> {
        void tick(T item, long dueNanos);
    }

    @SuppressWarnings("unchecked")
    private final Entry<T>[] heads = new Entry[SLOTS];
    /** Slots of wheel ticks below this have been run; the wheel tick of the last {@code runDue}. */
    private long cursor = Long.MIN_VALUE;
    private int size;
    @SuppressWarnings("unchecked")
    private Entry<T>[] ready = new Entry[16];
    private int readyCount;

    /** Adds {@code item}, first due at {@code firstDue}, then every {@code period} ns. */
    public Entry<T> add(T item, long period, long firstDue) {
        if (period <= 0) {
            throw new IllegalArgumentException("period " + period);
        }
        Entry<T> e = new Entry<>(item, period, firstDue);
        insert(e);
        size++;
        return e;
    }

    private void insert(Entry<T> e) {
        long tick = e.due >> SLOT_SHIFT;
        if (cursor == Long.MIN_VALUE || tick < cursor) {
            cursor = tick; // due before the slots already run: walk back to it next time
        }
        int slot = (int) tick & MASK;
        e.next = heads[slot];
        heads[slot] = e;
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
                Entry<T> e = ready[i];
                ready[i] = null;
                if (e.cancelled) {
                    size--;
                    continue;
                }
                long due = e.due;
                e.due += e.period;
                if (now - e.due > MAX_BEHIND * e.period) {
                    long behind = (now - e.due) / e.period;
                    e.skipped += behind;
                    e.due += behind * e.period;
                }
                // Rescheduled before the tick runs: a tick that throws does not stop it.
                if (e.due - now <= 0) {
                    addReady(e); // still behind: it catches up in this call
                } else {
                    insert(e);
                }
                n++;
                ticker.tick(e.item, due);
            }
        } finally {
            // After a tick threw, the entries not yet run go back on the wheel, due at once.
            for (i++; i < readyCount; i++) {
                insert(ready[i]);
                ready[i] = null;
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
            Entry<T> prev = null;
            Entry<T> e = heads[slot];
            while (e != null) {
                Entry<T> next = e.next;
                if (e.cancelled || e.due - now <= 0) {
                    if (prev == null) {
                        heads[slot] = next;
                    } else {
                        prev.next = next;
                    }
                    e.next = null;
                    addReady(e);
                } else {
                    prev = e;
                }
                e = next;
            }
        }
        if (last > cursor) {
            cursor = last;
        }
    }

    private void addReady(Entry<T> e) {
        if (readyCount == ready.length) {
            ready = java.util.Arrays.copyOf(ready, readyCount * 2);
        }
        ready[readyCount++] = e;
    }

    /** Nanoseconds from {@code now} to the next due tick (0 if one is due), or -1 if empty. */
    public long nanosUntilNext(long now) {
        if (size == 0) {
            return -1;
        }
        // The first slot from the cursor holding an entry due in this turn of the wheel.
        for (long tick = cursor; tick < cursor + SLOTS; tick++) {
            long earliest = earliestIn((int) tick & MASK, tick);
            if (earliest != Long.MAX_VALUE) {
                return Math.max(0, earliest - now);
            }
        }
        if (size == 0) {
            return -1;
        }
        long earliest = Long.MAX_VALUE; // every entry is more than a turn ahead
        for (int slot = 0; slot < SLOTS; slot++) {
            for (Entry<T> e = heads[slot]; e != null; e = e.next) {
                earliest = Math.min(earliest, e.due);
            }
        }
        return Math.max(0, earliest - now);
    }

    /** The earliest due time in {@code slot} of an entry due by wheel tick {@code tick}; drops cancelled ones. */
    private long earliestIn(int slot, long tick) {
        long earliest = Long.MAX_VALUE;
        Entry<T> prev = null;
        Entry<T> e = heads[slot];
        while (e != null) {
            Entry<T> next = e.next;
            if (e.cancelled) {
                if (prev == null) {
                    heads[slot] = next;
                } else {
                    prev.next = next;
                }
                e.next = null;
                size--;
            } else {
                if (e.due >> SLOT_SHIFT <= tick && e.due < earliest) {
                    earliest = e.due;
                }
                prev = e;
            }
            e = next;
        }
        return earliest;
    }

    /** Entries scheduled (cancelled ones leave when the wheel next passes them). */
    public int size() {
        return size;
    }
}
