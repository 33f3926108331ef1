package dev.parley.rtp;

/**
 * Minimum and maximum of the last one to two blocks of samples, in O(1) per sample and without a
 * sorted list: the extremes of the current block and of the previous one are kept; when the
 * current block is full it becomes the previous one.
 */
final class DelayWindow {

    private final int blockSize;
    private int inBlock;
    private long curMin = Long.MAX_VALUE;
    private long curMax = Long.MIN_VALUE;
    private long prevMin = Long.MAX_VALUE;
    private long prevMax = Long.MIN_VALUE;
    private long count;

    DelayWindow(int blockSize) {
        this.blockSize = blockSize;
    }

    void add(long sample) {
        if (sample < curMin) {
            curMin = sample;
        }
        if (sample > curMax) {
            curMax = sample;
        }
        count++;
        if (++inBlock == blockSize) {
            prevMin = curMin;
            prevMax = curMax;
            curMin = Long.MAX_VALUE;
            curMax = Long.MIN_VALUE;
            inBlock = 0;
        }
    }

    long min() {
        return Math.min(curMin, prevMin);
    }

    long max() {
        return Math.max(curMax, prevMax);
    }

    /** max − min, or 0 before the first sample. */
    long spread() {
        return count == 0 ? 0 : max() - min();
    }

    long count() {
        return count;
    }

    void clear() {
        inBlock = 0;
        count = 0;
        curMin = prevMin = Long.MAX_VALUE;
        curMax = prevMax = Long.MIN_VALUE;
    }
}
