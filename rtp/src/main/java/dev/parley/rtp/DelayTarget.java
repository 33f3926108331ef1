package dev.parley.rtp;

/**
 * The adaptive buffer's estimate of how late to play (see {@code docs/jitter-buffer.md}): the
 * delay floor (minimum over two blocks of packets, {@link DelayWindow}) and the delay above it that
 * only {@code 1 − targetQuantile} of recent packets exceed ({@link DelayHistogram} with forgetting).
 * Fast attack: a packet above the current quantile makes it be recomputed at once. Slow decay:
 * otherwise it is recomputed every {@link #QUANTILE_PACKETS} packets and falls only as old delays
 * are forgotten. O(1) per packet apart from that short tail walk; no allocation.
 */
final class DelayTarget {
    private static final int HISTOGRAM_BINS = 256;
    private static final long HISTOGRAM_BIN_NANOS = 4_000_000L; // 4 ms: 256 bins span 1.024 s
    private static final int QUANTILE_PACKETS = 16;
    /** Packets measured before the target may go below the configured initial delay. */
    private static final int WARM_UP_PACKETS = 20;

    private final JitterBufferConfig cfg;
    private final DelayWindow floor;
    private final DelayHistogram histogram;
    private long quantile;
    private int sinceQuantile;

    DelayTarget(JitterBufferConfig cfg) {
        this.cfg = cfg;
        this.floor = new DelayWindow(cfg.windowPackets());
        this.histogram = new DelayHistogram(HISTOGRAM_BINS, HISTOGRAM_BIN_NANOS, cfg.forgetFactor());
    }

    /** One packet's delay {@code d = arrival − frame × frame duration}. */
    void measure(long delay) {
        floor.add(delay);
        long relative = delay - floor.min();
        histogram.add(relative);
        if (relative >= quantile || ++sinceQuantile >= QUANTILE_PACKETS) {
            quantile = histogram.quantile(cfg.targetQuantile());
            sinceQuantile = 0;
        }
    }

    /** The lowest recent delay: the fastest packets' offset. */
    long floor() {
        return floor.min();
    }

    /** How far above {@link #floor()} to play: quantile + safety, at least the initial delay at first. */
    long aboveFloor() {
        long spread = quantile + cfg.safetyNanos();
        if (histogram.count() < WARM_UP_PACKETS) {
            spread = Math.max(spread, cfg.initialDelayNanos());
        }
        return Math.min(spread, cfg.maxDelayNanos());
    }

    void clear() {
        floor.clear();
        histogram.clear();
        quantile = 0;
        sinceQuantile = 0;
    }
}
