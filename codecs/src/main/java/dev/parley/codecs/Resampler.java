package dev.parley.codecs;

import dev.parley.codecs.internal.HalfbandFilter;
import dev.parley.codecs.internal.LinearInterpolator;
import java.util.Objects;

/**
 * Sample rate conversion, the one resampler of Parley. Between 8 and 16 kHz (the rates of the
 * phone's codecs) it is a polyphase half-band FIR (59 taps, see {@link #groupDelayMillis()}): flat
 * to 3.4 kHz, at least 60 dB of image or alias rejection from 4.6 kHz. Between any other two rates
 * ({@link #between}, for WAV files at 11.025–48 kHz) it interpolates linearly, without a low-pass
 * filter. Equal rates copy. A resampler keeps its history across calls, so a stream converted
 * frame by frame equals the stream converted at once. It never allocates after construction.
 *
 * <p>Upsampling puts each input sample through unchanged, delayed, on one output phase, and
 * computes the other phase with the 30 non-zero taps; downsampling runs the same taps over every
 * other input sample. Both delay the signal by 29 samples at 16 kHz (1.8125 ms).
 */
public final class Resampler {

    private static final int TAPS = 30;

    private final int inRate;
    private final int outRate;
    private final boolean up;
    /** The any-rate path, or null for the half-band filter and for equal rates. */
    private final LinearInterpolator linear;
    private final float[] h = HalfbandFilter.evenTaps();     // h[2j], j = 0…29
    // History of 8 kHz samples (up) or of 16 kHz sample pairs (down), mirrored so that the most
    // recent values are always contiguous.
    private final float[] even = new float[2 * TAPS];
    private final float[] odd = new float[2 * TAPS];
    private int head;      // even[head…head+29] holds the last 30 values, oldest first

    private Resampler(int inRate, int outRate) {
        this.inRate = inRate;
        this.outRate = outRate;
        this.up = outRate > inRate;
        boolean halfband = inRate == 8000 && outRate == 16000 || inRate == 16000 && outRate == 8000;
        this.linear = halfband || inRate == outRate ? null : new LinearInterpolator(inRate, outRate);
    }

    /** A converter from 8 kHz to 16 kHz: each input sample becomes two. */
    public static Resampler upsampling8kTo16k() {
        return new Resampler(8000, 16000);
    }

    /** A converter from 16 kHz to 8 kHz: each pair of input samples becomes one. */
    public static Resampler downsampling16kTo8k() {
        return new Resampler(16000, 8000);
    }

    /**
     * A converter from {@code inRate} to {@code outRate} Hz: the half-band filter between 8 and
     * 16 kHz, a copy for equal rates, linear interpolation otherwise.
     */
    public static Resampler between(int inRate, int outRate) {
        if (inRate < 1 || outRate < 1) {
            throw new IllegalArgumentException("rates " + inRate + " → " + outRate);
        }
        return new Resampler(inRate, outRate);
    }

    public int inRate() {
        return inRate;
    }

    public int outRate() {
        return outRate;
    }

    /** The group delay in milliseconds (the same in both directions): 29 samples at 16 kHz. */
    public static double groupDelayMillis() {
        return HalfbandFilter.DELAY / 16.0;
    }

    /**
     * Output samples produced for {@code inputSamples} input samples: exact for the half-band
     * filter and equal rates, the most that can come out (⌈n·outRate/inRate⌉) for the any-rate path.
     */
    public int outputLength(int inputSamples) {
        if (linear != null) {
            return linear.maxOutput(inputSamples);
        }
        return inRate == outRate ? inputSamples : up ? inputSamples * 2 : inputSamples / 2;
    }

    /**
     * Converts {@code samples} samples (an even number when downsampling 16 to 8 kHz) from
     * {@code in[inOffset…]} into {@code out[outOffset…]}, which has room for
     * {@link #outputLength outputLength(samples)}.
     *
     * @return the number of samples written
     */
    public int process(short[] in, int inOffset, int samples, short[] out, int outOffset) {
        if (inRate == 16000 && outRate == 8000 && (samples & 1) != 0) {
            throw new IllegalArgumentException("downsampling takes pairs of samples: odd count " + samples);
        }
        int produced = outputLength(samples);
        Objects.checkFromIndexSize(inOffset, samples, in.length);
        Objects.checkFromIndexSize(outOffset, produced, out.length);
        if (linear != null) {
            return linear.process(in, inOffset, samples, out, outOffset);
        }
        if (inRate == outRate) {
            System.arraycopy(in, inOffset, out, outOffset, samples);
            return samples;
        }
        float[] h = this.h;
        if (up) {
            for (int i = 0; i < samples; i++) {
                push(in[inOffset + i], 0);
                // Phase 0: y[2n] = 2·Σ h[2j]·x[n − j] (the factor 2 restores the zero-stuffing loss).
                float acc = 0;
                for (int j = 0; j < TAPS; j++) {
                    acc += even[head + j] * h[TAPS - 1 - j];
                }
                out[outOffset + 2 * i] = HalfbandFilter.round(2 * acc);
                // Phase 1: y[2n + 1] = 2·h[29]·x[n − 14] = x[n − 14]: the centre tap alone.
                out[outOffset + 2 * i + 1] = HalfbandFilter.round(even[head + TAPS - 15]);
            }
        } else {
            for (int i = 0; i < produced; i++) {
                push(in[inOffset + 2 * i], in[inOffset + 2 * i + 1]);
                float acc = 0;
                for (int j = 0; j < TAPS; j++) {
                    acc += even[head + j] * h[TAPS - 1 - j];
                }
                // y[n] = Σ h[k]·x[2n − k]: the even taps meet the first sample of each pair; the
                // centre tap (k = 29) meets x[2n − 29], the second sample of the pair 15 pairs ago.
                acc += 0.5f * odd[head + TAPS - 16];
                out[outOffset + i] = HalfbandFilter.round(acc);
            }
        }
        return produced;
    }

    private void push(float first, float second) {
        int h = head + 1;
        if (h == TAPS) {
            h = 0;
        }
        head = h;
        int newest = h + TAPS - 1;
        int mirror = newest >= TAPS ? newest - TAPS : newest + TAPS;
        even[newest] = first;
        even[mirror] = first;
        odd[newest] = second;
        odd[mirror] = second;
    }

    /** Clears the filter history. */
    public void reset() {
        if (linear != null) {
            linear.reset();
        }
        java.util.Arrays.fill(even, 0);
        java.util.Arrays.fill(odd, 0);
        head = 0;
    }
}
