package dev.parley.codecs;

import java.util.Objects;

/**
 * DTMF detection in 8 kHz audio with ITU-T Q.24-style acceptance rules, by Goertzel filters at
 * the eight Q.23 frequencies over blocks of 102 samples (12.75 ms). A block is a hit for a key
 * when:
 * <ul>
 *   <li>the strongest row and the strongest column tone are each at least −30 dBm0;</li>
 *   <li>twist: the column tone is at most 4 dB above and at most 8 dB below the row tone;</li>
 *   <li>each is at least 8 dB above the other tones of its group;</li>
 *   <li>together they carry at least 70 % of the block's energy (speech and noise do not), and at
 *       least 60 % of each half's (a block the tone only partly fills is no hit).</li>
 * </ul>
 * A key is reported once two consecutive blocks hit it and both of its tones are within 2.5 % of
 * the nominal frequency (Q.24: accept ±1.5 %, reject beyond ±3.5 %), measured from the phase
 * advance of each Goertzel output from one block to the next, unwrapped by the advance between
 * the block's halves. Two whole blocks fit in every tone of 40 ms, Q.24's minimum duration; no
 * tone shorter than 20.5 ms can be reported. The key ends after three blocks without it: a gap
 * of 10 ms or less (Q.24's longest tolerated interruption) never ends a key, one of 40 ms always does. Never allocates; audio at 16 kHz goes through a
 * {@link Resampler} first.
 */
public final class DtmfDetector {

    /** Receives detected keys. Called on the thread that calls {@link #process}. */
    public interface Listener {
        /** A key was recognised; {@code startSample} is where its first confirming block began. */
        void digitStarted(char key, long startSample);

        /** The key stopped; {@code endSample} is where its first missing block began. */
        default void digitEnded(char key, long endSample) {
        }
    }

    private static final int N = 102;
    private static final int HALF = N / 2;
    private static final double MIN_AMPLITUDE = 32767 * Math.pow(10, (-30 - 3.17) / 20);
    private static final double MAX_HIGH_OVER_LOW_DB = 4;
    private static final double MAX_LOW_OVER_HIGH_DB = 8;
    private static final double DOMINANCE = Math.pow(10, 8 / 10.0);
    private static final double MIN_PURITY = 0.70;
    private static final double MIN_HALF_PURITY = 0.60;
    private static final double MAX_OFFSET = 0.025;

    private static final double[] FREQ = new double[8];
    private static final double[] COEF = new double[8];
    private static final double[] COS_W = new double[8];
    private static final double[] SIN_W = new double[8];
    private static final double[] COS_HALF = new double[8];
    private static final double[] SIN_HALF = new double[8];
    private static final double[] COS_FULL = new double[8];
    private static final double[] SIN_FULL = new double[8];

    static {
        for (int k = 0; k < 8; k++) {
            FREQ[k] = k < 4 ? Tone.dtmfRowHz(k) : Tone.dtmfColumnHz(k - 4);
            double w = 2 * Math.PI * FREQ[k] / 8000;
            COEF[k] = 2 * Math.cos(w);
            COS_W[k] = Math.cos(w);
            SIN_W[k] = Math.sin(w);
            COS_HALF[k] = Math.cos(w * (HALF - 1));
            SIN_HALF[k] = Math.sin(w * (HALF - 1));
            COS_FULL[k] = Math.cos(w * (N - 1));
            SIN_FULL[k] = Math.sin(w * (N - 1));
        }
    }

    private final Listener listener;
    private final double[] s1 = new double[8];
    private final double[] s2 = new double[8];
    private final double[] halfRe = new double[8];
    private final double[] halfIm = new double[8];
    private final double[] fullRe = new double[8];
    private final double[] fullIm = new double[8];
    private final double[] prevRe = new double[8];
    private final double[] prevIm = new double[8];
    private final double[] coarse = new double[8];     // frequency offset in rad/sample, per filter
    private double energy;
    private double halfEnergy;
    private int fill;
    private long samples;
    private long blockStart;
    private int runKey = -1;
    private int run;
    private long runStart;
    private int current = -1;
    private int misses;
    private long missStart;

    public DtmfDetector(Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Feeds {@code n} samples of 8 kHz audio. */
    public void process(short[] pcm, int offset, int n) {
        Objects.checkFromIndexSize(offset, n, pcm.length);
        for (int i = offset, end = offset + n; i < end; i++) {
            double x = pcm[i];
            energy += x * x;
            for (int k = 0; k < 8; k++) {
                double s = x + COEF[k] * s1[k] - s2[k];
                s2[k] = s1[k];
                s1[k] = s;
            }
            fill++;
            samples++;
            if (fill == HALF) {
                spectrum(halfRe, halfIm, COS_HALF, SIN_HALF);
                halfEnergy = energy;
            } else if (fill == N) {
                spectrum(fullRe, fullIm, COS_FULL, SIN_FULL);
                endOfBlock();
            }
        }
    }

    // X = Σ x[n]·e^(−iωn) = e^(−iω(M−1))·(s[M−1] − e^(−iω)·s[M−2]), M samples into the block.
    private void spectrum(double[] re, double[] im, double[] cosRot, double[] sinRot) {
        for (int k = 0; k < 8; k++) {
            double yr = s1[k] - COS_W[k] * s2[k];
            double yi = SIN_W[k] * s2[k];
            re[k] = yr * cosRot[k] + yi * sinRot[k];
            im[k] = yi * cosRot[k] - yr * sinRot[k];
        }
    }

    private void endOfBlock() {
        int key = hit();
        if (key >= 0 && key == runKey) {
            run++;
        } else {
            runKey = key;
            run = key >= 0 ? 1 : 0;
            runStart = blockStart;
        }
        if (key >= 0 && current < 0 && run >= 2 && onFrequency(key / 4) && onFrequency(4 + key % 4)) {
            current = key;
            misses = 0;
            listener.digitStarted(Tone.DTMF_KEYS.charAt(key), runStart);
        } else if (current >= 0 && key != current) {
            if (misses++ == 0) {
                missStart = blockStart;
            }
            if (misses >= 3) {
                listener.digitEnded(Tone.DTMF_KEYS.charAt(current), missStart);
                current = -1;
            }
        } else if (current >= 0) {
            misses = 0;
        }
        // Next block.
        for (int k = 0; k < 8; k++) {
            prevRe[k] = fullRe[k];
            prevIm[k] = fullIm[k];
            s1[k] = 0;
            s2[k] = 0;
        }
        energy = 0;
        fill = 0;
        blockStart = samples;
    }

    /** The key this block holds by the level, twist, dominance and purity rules, or −1. */
    private int hit() {
        int row = strongest(0);
        int col = strongest(4);
        double pRow = power(row);
        double pCol = power(col);
        double scale = 2.0 / ((double) N * N);      // |X|² to the power of a sine: A²/2 = 2|X|²/N²
        if (Math.sqrt(2 * scale * pRow) < MIN_AMPLITUDE || Math.sqrt(2 * scale * pCol) < MIN_AMPLITUDE) {
            return -1;
        }
        double twistDb = 10 * Math.log10(pCol / pRow);
        if (twistDb > MAX_HIGH_OVER_LOW_DB || twistDb < -MAX_LOW_OVER_HIGH_DB) {
            return -1;
        }
        for (int k = 0; k < 8; k++) {
            if (k != row && k != col && power(k) * DOMINANCE > (k < 4 ? pRow : pCol)) {
                return -1;
            }
        }
        if (scale * (pRow + pCol) < MIN_PURITY * energy / N) {
            return -1;
        }
        // Each half on its own must be mostly tone, so a block only partly filled by a tone (its
        // start or end) is no hit: a tone must fill most of two blocks, 20.5 ms at the least.
        if (halfPurity(row, col, halfRe, halfIm, halfEnergy) < MIN_HALF_PURITY
                || halfPurity(row, col, null, null, energy - halfEnergy) < MIN_HALF_PURITY) {
            return -1;
        }
        // Coarse frequency offsets from the phase advance between the block's two halves.
        coarseOffset(row);
        coarseOffset(col);
        return row * 4 + (col - 4);
    }

    /** Tone power over signal power in one half; null arrays mean the second half (full − first). */
    private double halfPurity(int row, int col, double[] re, double[] im, double halfEnergyValue) {
        double tone = 0;
        tone += halfPower(row, re, im) + halfPower(col, re, im);
        double scale = 2.0 / ((double) HALF * HALF);
        return halfEnergyValue <= 0 ? 0 : scale * tone / (halfEnergyValue / HALF);
    }

    private double halfPower(int k, double[] re, double[] im) {
        double r = re != null ? re[k] : fullRe[k] - halfRe[k];
        double i = im != null ? im[k] : fullIm[k] - halfIm[k];
        return r * r + i * i;
    }

    private void coarseOffset(int k) {
        double re2 = fullRe[k] - halfRe[k];
        double im2 = fullIm[k] - halfIm[k];
        coarse[k] = Math.atan2(im2 * halfRe[k] - re2 * halfIm[k], re2 * halfRe[k] + im2 * halfIm[k]) / HALF;
    }

    /** Whether filter k's tone is within 2.5 % of its frequency, judged over this block and the last. */
    private boolean onFrequency(int k) {
        double w = 2 * Math.PI * FREQ[k] / 8000;
        double advance = Math.atan2(fullIm[k] * prevRe[k] - fullRe[k] * prevIm[k],
                fullRe[k] * prevRe[k] + fullIm[k] * prevIm[k]);
        double residual = wrap(advance - (w + coarse[k]) * N);
        double offsetHz = (coarse[k] + residual / N) * 8000 / (2 * Math.PI);
        return Math.abs(offsetHz) <= MAX_OFFSET * FREQ[k];
    }

    private static double wrap(double a) {
        return a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
    }

    private int strongest(int from) {
        int best = from;
        for (int k = from + 1; k < from + 4; k++) {
            if (power(k) > power(best)) {
                best = k;
            }
        }
        return best;
    }

    private double power(int k) {
        return fullRe[k] * fullRe[k] + fullIm[k] * fullIm[k];
    }

    /** Forgets any partial block and key in progress (without reporting its end). */
    public void reset() {
        java.util.Arrays.fill(s1, 0);
        java.util.Arrays.fill(s2, 0);
        energy = 0;
        fill = 0;
        samples = 0;
        blockStart = 0;
        runKey = -1;
        run = 0;
        current = -1;
        misses = 0;
    }
}
