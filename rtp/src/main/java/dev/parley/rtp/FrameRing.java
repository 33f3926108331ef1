package dev.parley.rtp;

/**
 * The jitter buffer's storage: one slot per frame number, {@code frame & (capacity − 1)}, holding a
 * payload, its length and its arrival time. Allocated once; never allocates afterwards.
 */
final class FrameRing {
    /** {@link #reserve} result: the frame is already held (a duplicate packet). */
    static final int DUPLICATE = -1;
    /** {@link #reserve} result: the slot still holds a frame a whole capacity older. */
    static final int OCCUPIED = -2;

    private static final long EMPTY = Long.MIN_VALUE;

    private final int mask;
    private final int maxPayload;
    /** Every slot's payload in one array, slot i at {@code i × maxPayload}: one object, not one per slot. */
    private final byte[] payloads;
    private final int[] lengths;
    /** Slot i's frame number at {@code 2i} and its arrival time at {@code 2i + 1}: one cache line for both. */
    private final long[] framesAndArrivals;
    private int count;

    FrameRing(int capacity, int maxPayload) {
        this.mask = capacity - 1;
        this.maxPayload = maxPayload;
        this.payloads = new byte[Math.multiplyExact(capacity, maxPayload)];
        this.lengths = new int[capacity];
        this.framesAndArrivals = new long[2 * capacity];
        clear();
    }

    /** Frames held. */
    int count() {
        return count;
    }

    boolean holds(long frame) {
        return framesAndArrivals[2 * slot(frame)] == frame;
    }

    /** Takes the slot for {@code frame}: its index, or {@link #DUPLICATE} / {@link #OCCUPIED}. */
    int reserve(long frame, long arrivalNanos, int length) {
        int slot = slot(frame);
        long held = framesAndArrivals[2 * slot];
        if (held == frame) {
            return DUPLICATE;
        }
        if (held != EMPTY) {
            return OCCUPIED;
        }
        framesAndArrivals[2 * slot] = frame;
        framesAndArrivals[2 * slot + 1] = arrivalNanos;
        lengths[slot] = length;
        count++;
        return slot;
    }

    /** Removes {@code frame}, which must be held; returns its slot (payload valid until reused). */
    int remove(long frame) {
        int slot = slot(frame);
        framesAndArrivals[2 * slot] = EMPTY;
        count--;
        return slot;
    }

    /** Removes {@code frame} if held; returns whether it was. */
    boolean discard(long frame) {
        if (!holds(frame)) {
            return false;
        }
        remove(frame);
        return true;
    }

    /** Arrival time of a held frame. */
    long arrival(long frame) {
        return framesAndArrivals[2 * slot(frame) + 1];
    }

    /** Whether any frame in {@code [from, to)} is held. */
    boolean holdsAnyIn(long from, long to) {
        for (long f = from; f < to; f++) {
            if (holds(f)) {
                return true;
            }
        }
        return false;
    }

    /** The lowest held frame above {@code f}; call only while {@link #count()} {@code > 0}. */
    long lowestAfter(long f) {
        for (long g = f + 1; g <= f + 2L * lengths.length; g++) {
            if (holds(g)) {
                return g;
            }
        }
        // Unreachable while the count matches the slots; if it ever does not, empty the ring
        // rather than fail on network input.
        clear();
        return f;
    }

    /** The array holding every slot's payload; slot {@code slot}'s starts at {@link #offset}. */
    byte[] payloads() {
        return payloads;
    }

    int offset(int slot) {
        return slot * maxPayload;
    }

    int length(int slot) {
        return lengths[slot];
    }

    void clear() {
        for (int i = 0; i < framesAndArrivals.length; i += 2) {
            framesAndArrivals[i] = EMPTY;
        }
        count = 0;
    }

    private int slot(long frame) {
        return (int) frame & mask;
    }
}
