package dev.parley.rtp;

/**
 * Immutable configuration of a {@link JitterBuffer}.
 *
 * @param clockRate RTP clock rate in Hz
 * @param frameUnits RTP timestamp units per frame (160 for 20 ms at 8 kHz)
 * @param frameNanos frame duration; {@link JitterBuffer#take} is called once per frame
 * @param capacityFrames slots, a power of two; packets further ahead are dropped as overflow
 * @param maxPayload largest payload kept, in bytes; longer payloads are dropped as overflow
 * @param adaptive true: the target delay follows measured jitter; false: a fixed buffer
 * @param initialDelayNanos delay used until enough packets have been measured (adaptive), or the
 *     fixed delay (fixed buffer)
 * @param maxDelayNanos upper bound of the adaptive target delay
 * @param windowPackets packets per block of the delay floor's window (the minimum over two blocks)
 * @param safetyNanos added to the delay quantile to absorb new extremes
 * @param underrunConcealFrames frames concealed when the buffer runs dry before falling silent
 * @param targetQuantile the share of packets the target delay aims to have in time, e.g. 0.998
 * @param forgetFactor weight of each delay sample relative to the next in the delay histogram;
 *     {@code 1 / (1 − forgetFactor)} packets is the histogram's memory
 */
public record JitterBufferConfig(int clockRate, int frameUnits, long frameNanos, int capacityFrames,
        int maxPayload, boolean adaptive, long initialDelayNanos, long maxDelayNanos, int windowPackets,
        long safetyNanos, int underrunConcealFrames, double targetQuantile, double forgetFactor) {

    public JitterBufferConfig {
        if (clockRate <= 0 || frameUnits <= 0 || frameNanos <= 0 || maxPayload <= 0 || windowPackets <= 0) {
            throw new IllegalArgumentException("non-positive jitter buffer parameter");
        }
        if (!(targetQuantile > 0 && targetQuantile < 1) || !(forgetFactor > 0 && forgetFactor <= 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1), forget factor in (0, 1]");
        }
        if (capacityFrames < 4 || Integer.bitCount(capacityFrames) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two >= 4: " + capacityFrames);
        }
        if (maxDelayNanos > (capacityFrames - 2) * frameNanos) {
            maxDelayNanos = (capacityFrames - 2) * frameNanos;
        }
    }

    static final double QUANTILE = 0.9995;
    static final double FORGET = 0.999;

    /** The adaptive buffer with Parley's defaults for {@code ptimeMillis} frames. */
    public static JitterBufferConfig adaptive(int clockRate, int ptimeMillis) {
        return new JitterBufferConfig(clockRate, clockRate / 1000 * ptimeMillis, ptimeMillis * 1_000_000L, 64,
                1280, true, 120_000_000L, 1_000_000_000L, 100, 2_000_000L, 3, QUANTILE, FORGET);
    }

    /**
     * This configuration with slots of {@code bytes}: a session sizes them to its codec's frame
     * (160 bytes for 20 ms of G.711 or G.722 instead of the default 1,280), which keeps the
     * buffer's 64 slots in 10 KB instead of 80 KB per stream.
     */
    public JitterBufferConfig withMaxPayload(int bytes) {
        return new JitterBufferConfig(clockRate, frameUnits, frameNanos, capacityFrames, bytes, adaptive,
                initialDelayNanos, maxDelayNanos, windowPackets, safetyNanos, underrunConcealFrames, targetQuantile,
                forgetFactor);
    }

    /** A fixed buffer of {@code delayMillis} for comparison and for peers that need it. */
    public static JitterBufferConfig fixed(int clockRate, int ptimeMillis, int delayMillis) {
        return new JitterBufferConfig(clockRate, clockRate / 1000 * ptimeMillis, ptimeMillis * 1_000_000L, 64,
                1280, false, delayMillis * 1_000_000L, delayMillis * 1_000_000L, 100, 0, 3, QUANTILE, FORGET);
    }
}
