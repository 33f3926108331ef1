package dev.parley.codecs.internal;

/**
 * The 59-tap half-band low-pass filter (at 16 kHz) behind both directions of 8 ↔ 16 kHz
 * resampling: a Kaiser-windowed sinc cut at 4 kHz, passband to 3.4 kHz, stopband from 4.6 kHz
 * with at least 60 dB attenuation (designed for 70 dB, β = 6.76). Half-band: every tap at an even
 * distance from the centre is zero except the centre itself (0.5), so only the 30 taps at odd
 * distances are stored; the filter is symmetric, hence linear-phase with a delay of 29 samples.
 */
public final class HalfbandFilter {

    /** Filter length in 16 kHz samples. */
    public static final int LENGTH = 59;

    /** Group delay in 16 kHz samples: (LENGTH − 1) / 2. */
    public static final int DELAY = 29;

    /** Taps h[2j] for j = 0…29 (distance 29 − 2j from the centre, all odd). */
    static final float[] EVEN_TAPS = new float[30];

    static {
        double beta = 0.1102 * (70 - 8.7);          // Kaiser's formula for 70 dB
        double norm = besselI0(beta);
        for (int j = 0; j < 30; j++) {
            int k = 2 * j;
            int m = k - DELAY;                          // odd, −29…29
            double sinc = Math.sin(Math.PI * m / 2) / (Math.PI * m);
            double r = (double) m / DELAY;
            double window = besselI0(beta * Math.sqrt(1 - r * r)) / norm;
            EVEN_TAPS[j] = (float) (sinc * window);
        }
    }

    private HalfbandFilter() {
    }

    /** A copy of the taps h[2j], j = 0…29 (the non-zero taps other than the centre). */
    public static float[] evenTaps() {
        return EVEN_TAPS.clone();
    }

    /** The full impulse response h[0…58], for analysis and tests. */
    public static double[] impulseResponse() {
        double[] h = new double[LENGTH];
        for (int j = 0; j < 30; j++) {
            h[2 * j] = EVEN_TAPS[j];
        }
        h[DELAY] = 0.5;
        return h;
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }

    /** Rounds to the nearest 16-bit sample, saturating. */
    public static short round(float v) {
        int r = Math.round(v);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
    }
}
