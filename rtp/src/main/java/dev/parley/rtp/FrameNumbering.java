package dev.parley.rtp;

/**
 * RTP timestamps to frame numbers: timestamp units since a base divided by the frame size,
 * rounded. RFC 3550 §5.1: the timestamp wraps at 32 bits; differences are taken as signed 32-bit
 * values, so a wrap (or a small step backwards) is followed.
 */
final class FrameNumbering {
    private final int frameUnits;
    private boolean haveBase;
    private long baseTs;
    private int lastTs;
    private long extTs;

    FrameNumbering(int frameUnits) {
        this.frameUnits = frameUnits;
    }

    /** The frame number of {@code timestamp}, relative to the last accepted one; the first sets the base. */
    long frameOf(int timestamp) {
        if (!haveBase) {
            rebase(timestamp);
        }
        long rel = extended(timestamp) - baseTs + frameUnits / 2;
        // An int division is several times cheaper than a long one; rel fits for ~3 days at 8 kHz.
        return rel >= 0 && rel <= Integer.MAX_VALUE ? (int) rel / frameUnits : Math.floorDiv(rel, frameUnits);
    }

    /** Makes {@code timestamp} the reference for the next ones (a packet that was not rejected). */
    void accept(int timestamp) {
        extTs = extended(timestamp);
        lastTs = timestamp;
    }

    /** Makes {@code timestamp} frame 0 (the first packet, or a new timeline). */
    void rebase(int timestamp) {
        haveBase = true;
        lastTs = timestamp;
        extTs = 1L << 40;
        baseTs = extTs;
    }

    /** Forgets the base: the next timestamp seen becomes frame 0. */
    void forget() {
        haveBase = false;
    }

    private long extended(int timestamp) {
        return extTs + (timestamp - lastTs); // signed 32-bit difference: wrap-safe
    }
}
