package dev.parley.codecs;

import java.util.Objects;

/**
 * Writes a {@link Tone} as 16-bit PCM, frame after frame, continuing the waveform and the cadence
 * across calls. The phase runs on through the off-periods (it is computed from the sample count
 * since the start), so every on-period continues the same sine and nothing drifts. Never allocates.
 */
public final class ToneGenerator {

    private final Tone tone;
    private final double lowStep;
    private final double highStep;
    private final double amplitude;
    private final long[] edges;        // cumulative on/off boundaries in samples; empty = always on
    private final boolean repeating;
    private long sample;

    public ToneGenerator(Tone tone, int sampleRate) {
        this.tone = Objects.requireNonNull(tone, "tone");
        if (sampleRate != 8000 && sampleRate != 16000) {
            throw new IllegalArgumentException("sample rate must be 8000 or 16000: " + sampleRate);
        }
        if (2 * Math.max(tone.lowHz(), tone.highHz()) >= sampleRate) {
            throw new IllegalArgumentException("tone above the Nyquist frequency of " + sampleRate + " Hz");
        }
        this.lowStep = 2 * Math.PI * tone.lowHz() / sampleRate;
        this.highStep = 2 * Math.PI * tone.highHz() / sampleRate;
        this.amplitude = tone.amplitude();
        java.util.List<Integer> durations = tone.cadence().onOffMillis();
        this.edges = new long[durations.size()];
        long total = 0;
        for (int i = 0; i < edges.length; i++) {
            total += (long) durations.get(i) * sampleRate / 1000;
            edges[i] = total;
        }
        this.repeating = tone.cadence().repeating();
    }

    /** Whether the tone sounds at sample {@code n}: inside an even-numbered (on) stretch of the cadence. */
    private boolean isOn(long n) {
        if (edges.length == 0) {
            return true;
        }
        long cycle = edges[edges.length - 1];
        if (cycle == 0) {
            return false;
        }
        long t;
        if (repeating) {
            t = n % cycle;
        } else if (n >= cycle) {
            return false;
        } else {
            t = n;
        }
        int stretch = 0;
        while (t >= edges[stretch]) {
            stretch++;
        }
        return (stretch & 1) == 0;
    }

    /** Writes the next {@code samples} samples into {@code out[offset…]}. */
    public void generate(short[] out, int offset, int samples) {
        Objects.checkFromIndexSize(offset, samples, out.length);
        for (int i = 0; i < samples; i++) {
            long n = sample++;
            if (!isOn(n)) {
                out[offset + i] = 0;
                continue;
            }
            // The phase is computed from the sample count, not accumulated, so it never drifts.
            double v = Math.sin(lowStep * n);
            if (highStep > 0) {
                v += Math.sin(highStep * n);
            }
            long r = Math.round(amplitude * v);
            out[offset + i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
        }
    }

    /** Samples generated since construction or the last reset. */
    public long position() {
        return sample;
    }

    /** Starts the tone and its cadence again from the beginning. */
    public void reset() {
        sample = 0;
    }
}
