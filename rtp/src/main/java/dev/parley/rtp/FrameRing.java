package dev.parley.rtp;

import java.util.Arrays;

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
    private final byte[][] payloads;
    private final int[] lengths;
    private final long[] frames;
    private final long[] arrivals;
    private int count;

    FrameRing(int capacity, int maxPayload) {
        this.mask = capacity - 1;
        this.payloads = new byte[capacity][maxPayload];
        this.lengths = new int[capacity];
        this.frames = new long[capacity];
        this.arrivals = new long[capacity];
        Arrays.fill(frames, EMPTY);
    }

    /** Frames held. */
    int count() {
        return count;
    }

    boolean holds(long frame) {
        return frames[slot(frame)] == frame;
    }

    /** Takes the slot for {@code frame}: its index, or {@link #DUPLICATE} / {@link #OCCUPIED}. */
    int reserve(long frame, long arrivalNanos, int length) {
        int slot = slot(frame);
        if (frames[slot] == frame) {
            return DUPLICATE;
        }
        if (frames[slot] != EMPTY) {
            return OCCUPIED;
        }
        frames[slot] = frame;
        arrivals[slot] = arrivalNanos;
        lengths[slot] = length;
        count++;
        return slot;
    }

    /** Removes {@code frame}, which must be held; returns its slot (payload valid until reused). */
    int remove(long frame) {
        int slot = slot(frame);
        frames[slot] = EMPTY;
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
        return arrivals[slot(frame)];
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
        for (long g = f + 1; g <= f + 2L * frames.length; g++) {
            if (holds(g)) {
                return g;
            }
        }
        // Unreachable while the count matches the slots; if it ever does not, empty the ring
        // rather than fail on network input.
        clear();
        return f;
    }

    byte[] payload(int slot) {
        return payloads[slot];
    }

    int length(int slot) {
        return lengths[slot];
    }

    void clear() {
        Arrays.fill(frames, EMPTY);
        count = 0;
    }

    private int slot(long frame) {
        return (int) frame & mask;
    }
}
