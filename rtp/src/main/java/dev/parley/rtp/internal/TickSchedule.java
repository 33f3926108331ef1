package dev.parley.rtp.internal;

import java.util.PriorityQueue;

/**
 * The paced sender's clock: each entry ticks every {@code period} nanoseconds. Due times are
 * computed from the previous due time, never from "now", so a late wake-up delays a tick without
 * shifting the ones after it (no drift). An entry that falls more than {@link #MAX_BEHIND} periods
 * behind (a stalled machine) skips ahead instead of bursting. One heap serves every stream of a
 * selector thread: no thread, timer or sleep per stream. Not thread-safe.
 *
 * @param <T> what ticks
 */
public final class TickSchedule<T> {

    /** Periods an entry may fall behind before it skips ahead. */
    public static final int MAX_BEHIND = 5;

    /** One periodic entry. */
    public static final class Entry<T> {
        private final T item;
        private long period;
        private long due;
        private boolean cancelled;
        private long skipped;

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

    private final PriorityQueue<Entry<T>> heap = new PriorityQueue<>((a, b) -> Long.compare(a.due, b.due));

    /** Adds {@code item}, first due at {@code firstDue}, then every {@code period} ns. */
    public Entry<T> add(T item, long period, long firstDue) {
        if (period <= 0) {
            throw new IllegalArgumentException("period " + period);
        }
        Entry<T> e = new Entry<>(item, period, firstDue);
        heap.add(e);
        return e;
    }

    /** Calls {@code ticker} for every tick due at or before {@code now}, in due order. */
    public int runDue(long now, Ticker<T> ticker) {
        int n = 0;
        while (!heap.isEmpty()) {
            Entry<T> e = heap.peek();
            if (e.cancelled) {
                heap.poll();
                continue;
            }
            if (e.due - now > 0) {
                break;
            }
            heap.poll();
            long due = e.due;
            e.due += e.period;
            if (now - e.due > MAX_BEHIND * e.period) {
                long behind = (now - e.due) / e.period;
                e.skipped += behind;
                e.due += behind * e.period;
            }
            heap.add(e); // rescheduled before the tick runs: a tick that throws does not stop it
            n++;
            ticker.tick(e.item, due);
        }
        return n;
    }

    /** Nanoseconds from {@code now} to the next due tick (0 if one is due), or -1 if empty. */
    public long nanosUntilNext(long now) {
        while (!heap.isEmpty() && heap.peek().cancelled) {
            heap.poll();
        }
        return heap.isEmpty() ? -1 : Math.max(0, heap.peek().due - now);
    }

    public int size() {
        return heap.size();
    }
}
