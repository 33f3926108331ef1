package dev.parley.ua.internal.media;

/**
 * Converts a mono PCM stream from one sample rate to another by linear interpolation, keeping its
 * position across calls so that consecutive frames join without clicks. Good enough for voice
 * prompts and recordings (8 ↔ 16 ↔ 44.1/48 kHz); it does not low-pass before decimating.
 *
 * <p>Not thread-safe; never allocates after construction.
 */
public final class Resampler {

    private final int inRate;
    private final int outRate;
    /**
     * Position of the next output sample in units of 1/outRate input samples, where position 0 is
     * {@link #last} and position k ≥ 1 is {@code in[k-1]} of the next call. It stays above
     * {@code -outRate}, so the sample before {@link #last} ({@link #beforeLast}) may be needed.
     */
    private long phase;
    private short last;
    private short beforeLast;

    public Resampler(int inRate, int outRate) {
        if (inRate < 1 || outRate < 1) {
            throw new IllegalArgumentException("rates " + inRate + " → " + outRate);
        }
        this.inRate = inRate;
        this.outRate = outRate;
        this.phase = outRate; // the first output sample sits on the first input sample
    }

    public int inRate() {
        return inRate;
    }

    public int outRate() {
        return outRate;
    }

    /** How many input samples the next call needs to produce {@code outSamples} output samples. */
    public int inputNeeded(int outSamples) {
        long lastPosition = phase + (long) (outSamples - 1) * inRate;
        return (int) Math.max(0, -Math.floorDiv(-lastPosition, outRate)); // ceil(lastPosition / outRate)
    }

    /**
     * Reads exactly {@link #inputNeeded(int) inputNeeded(outSamples)} samples from {@code in} and
     * writes {@code outSamples} samples to {@code out}.
     */
    public void process(short[] in, int inOffset, short[] out, int outOffset, int outSamples) {
        int consumed = inputNeeded(outSamples);
        for (int i = 0; i < outSamples; i++) {
            long p = phase + (long) i * inRate;
            long whole = Math.floorDiv(p, outRate);
            long frac = p - whole * outRate;
            int a = sampleAt(in, inOffset, (int) whole);
            int b = frac == 0 ? a : sampleAt(in, inOffset, (int) whole + 1);
            out[outOffset + i] = (short) (a + (b - a) * frac / outRate);
        }
        if (consumed > 0) {
            beforeLast = (short) sampleAt(in, inOffset, consumed - 1);
            last = in[inOffset + consumed - 1];
        }
        phase = phase + (long) outSamples * inRate - (long) consumed * outRate;
    }

    private int sampleAt(short[] in, int inOffset, int position) {
        if (position == -1) {
            return beforeLast;
        }
        return position == 0 ? last : in[inOffset + position - 1];
    }
}
