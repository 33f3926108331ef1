package dev.parley.codecs.internal;

/**
 * Any-rate sample rate conversion by linear interpolation between neighbouring input samples, for
 * files at rates the half-band filter does not cover (11.025, 22.05, 44.1, 48 kHz…). It does not
 * low-pass before decimating: good enough for voice prompts and recordings, not for music.
 *
 * <p>Output sample k sits at input position k·inRate/outRate. The position of the next output is
 * kept in units of 1/outRate input samples, relative to the last input sample of the previous call
 * (position 0); it is always above 0, so only that one sample needs remembering, and a stream
 * converted call by call equals the stream converted at once. Never allocates.
 */
public final class LinearInterpolator {

    private final int inRate;
    private final int outRate;
    private long phase;
    private short last;

    public LinearInterpolator(int inRate, int outRate) {
        if (inRate < 1 || outRate < 1) {
            throw new IllegalArgumentException("rates " + inRate + " → " + outRate);
        }
        this.inRate = inRate;
        this.outRate = outRate;
        reset();
    }

    /** The most output samples {@code inputSamples} input samples can produce: ⌈n·outRate/inRate⌉. */
    public int maxOutput(int inputSamples) {
        return (int) (((long) inputSamples * outRate + inRate - 1) / inRate);
    }

    /** Converts {@code samples} input samples; returns the number of output samples written. */
    public int process(short[] in, int inOffset, int samples, short[] out, int outOffset) {
        long limit = (long) samples * outRate;    // position of the newest input sample
        int produced = 0;
        for (long p = phase; p <= limit; p += inRate) {
            int whole = (int) (p / outRate);
            long frac = p - (long) whole * outRate;
            int a = whole == 0 ? last : in[inOffset + whole - 1];
            int b = frac == 0 ? a : in[inOffset + whole];
            out[outOffset + produced++] = (short) (a + (b - a) * frac / outRate);
        }
        if (samples > 0) {
            last = in[inOffset + samples - 1];
        }
        phase += (long) produced * inRate - limit;
        return produced;
    }

    /** Forgets the stream: the next input sample is the first output sample. */
    public void reset() {
        phase = outRate;
        last = 0;
    }
}
