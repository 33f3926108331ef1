package dev.parley.codecs;

import java.util.Objects;

/**
 * Writes a {@link Tone} as 16-bit PCM, frame after frame, continuing the waveform and the cadence
 * across calls. The phase runs on through the off-periods (it is computed from the sample count
 * since the start), so every on-period continues the same sine and nothing drifts. Never allocates.
 */
public final class ToneGenerator {

    private final Tone tone;
    private final int sampleRate;
    private final double lowStep;
    private final double highStep;
    private final double amplitude;
    private long sample;

    public ToneGenerator(Tone tone, int sampleRate) {
        this.tone = Objects.requireNonNull(tone, "tone");
        if (sampleRate != 8000 && sampleRate != 16000) {
            throw new IllegalArgumentException("sample rate must be 8000 or 16000: " + sampleRate);
        }
        if (2 * Math.max(tone.lowHz(), tone.highHz()) >= sampleRate) {
            throw new IllegalArgumentException("tone above the Nyquist frequency of " + sampleRate + " Hz");
        }
        this.sampleRate = sampleRate;
        this.lowStep = 2 * Math.PI * tone.lowHz() / sampleRate;
        this.highStep = 2 * Math.PI * tone.highHz() / sampleRate;
        this.amplitude = tone.amplitude();
    }

    /** Writes the next {@code samples} samples into {@code out[offset…]}. */
    public void generate(short[] out, int offset, int samples) {
        Objects.checkFromIndexSize(offset, samples, out.length);
        Cadence cadence = tone.cadence();
        for (int i = 0; i < samples; i++) {
            long n = sample++;
            if (!cadence.isOn(n, sampleRate)) {
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
