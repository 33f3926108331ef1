package dev.parley.codecs.internal;

/**
 * Packet loss concealment by pitch-period waveform repetition, after ITU-T G.711 Appendix I, for
 * any 16-bit PCM stream at 8 or 16 kHz. It keeps the last 48.75 ms of good audio; when a frame is
 * lost it finds the pitch period of that history and repeats the last period, fading it out, and
 * when audio arrives again it cross-fades the synthetic continuation into the real signal.
 *
 * <p>Differences from Appendix I, chosen so that no output is delayed: the junction with the last
 * good sample is smoothed by an offset correction that decays over a quarter period (instead of
 * an overlap-add that delays the output by a quarter period), and one pitch period is repeated
 * throughout the loss (Appendix I widens to two and three periods after 10 ms to soften buzz).
 *
 * <p>All buffers are sized at construction; no call allocates.
 */
public final class PitchConcealer {

    private static final int ERASED_CAP = 1 << 30;   // long past silence: stop counting, never wrap
    /** A history whose peak stays below this (−66 dBFS) is silence: concealed by zeros. */
    private static final int SILENCE_PEAK = 16;

    private final int rate8k;          // samples per 1/8 ms unit: 1 at 8 kHz, 2 at 16 kHz
    private final short[] ring;        // most recent output (good, merged or concealed), a ring
    private final short[] history;     // the ring unrolled, oldest first, when a loss begins
    private int ringPos;               // where the next sample goes
    private final float[] period;      // one pitch period with its wrap-around smoothed
    private int historyFill;
    private int pitch;
    private int phase;                 // next index into period
    private int erased;                // samples concealed since the last good frame
    private boolean synthesizing;      // this loss is being filled by pitch repetition (else silence)
    private float offset;              // junction correction still to fade out
    private int offsetLeft;
    private int offsetLength;
    private final int maxMerge;        // longest cross-fade back into real audio, in samples

    /** A concealer for a stream at {@code sampleRate} Hz (8000 or 16000) merging back over at most 10 ms. */
    public PitchConcealer(int sampleRate) {
        this(sampleRate, 10);
    }

    /**
     * A concealer whose merge back into real audio may last up to {@code maxMergeMillis} (10 in
     * G.711 Appendix I; longer for a codec whose decoder needs time to re-adapt after a loss).
     */
    public PitchConcealer(int sampleRate, int maxMergeMillis) {
        if (sampleRate != 8000 && sampleRate != 16000) {
            throw new IllegalArgumentException("sample rate must be 8000 or 16000: " + sampleRate);
        }
        this.rate8k = sampleRate / 8000;
        this.ring = new short[390 * rate8k];      // G.711 Appendix I: 48.75 ms of history
        this.history = new short[ring.length];
        this.period = new float[120 * rate8k];    // the longest pitch period searched: 15 ms
        this.maxMerge = maxMergeMillis * 8 * rate8k;
    }

    /** Forgets all history, as at the start of a stream. */
    public void reset() {
        historyFill = 0;
        ringPos = 0;
        synthesizing = false;
        erased = 0;
        phase = 0;
        pitch = 0;
        offsetLeft = 0;
    }

    /** Samples concealed since the last good frame. */
    public int erasedSamples() {
        return erased;
    }

    /**
     * Takes one frame of freshly decoded audio: if frames were concealed just before it, its
     * beginning is cross-faded in place from the synthetic continuation; then it joins the history.
     */
    public void good(short[] pcm, int off, int n) {
        if (erased > 0) {
            mergeInto(pcm, off, n);
            erased = 0;
        }
        remember(pcm, off, n);
    }

    /** Writes {@code n} samples of concealment audio for a lost frame. */
    public void conceal(short[] out, int off, int n) {
        if (erased == 0) {
            synthesizing = startConcealment();
        }
        if (!synthesizing || gainAt(erased) == 0f) {
            // Too little history to find a pitch (the stream has only just started), a silent
            // history, or a loss past the fade-out (G.711 Appendix I: 60 ms): silence, computed as such.
            java.util.Arrays.fill(out, off, off + n, (short) 0);
            erased = Math.min(ERASED_CAP, erased + n);
            remember(out, off, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[off + i] = saturate(nextSynthetic() * gainAt(erased));
            if (erased < ERASED_CAP) {
                erased++;
            }
        }
        remember(out, off, n);
    }

    // G.711 Appendix I: full level for the first 10 ms, then 20 % less per 10 ms, silent after 60 ms.
    private float gainAt(int erasedSamples) {
        int tenMs = 80 * rate8k;
        if (erasedSamples < tenMs) {
            return 1f;
        }
        float gain = 1f - 0.2f * (erasedSamples - tenMs) / tenMs;
        return gain > 0f ? gain : 0f;
    }

    private boolean startConcealment() {
        int minLag = 40 * rate8k;      // 5 ms
        int maxLag = 120 * rate8k;     // 15 ms
        int window = 160 * rate8k;     // 20 ms correlation window
        if (historyFill < window + maxLag) {
            return false;
        }
        int older = ring.length - ringPos;
        System.arraycopy(ring, ringPos, history, 0, older);
        System.arraycopy(ring, 0, history, older, ringPos);
        if (silent(history.length - window - maxLag)) {
            return false; // nothing to repeat: no pitch search on silence
        }
        pitch = findPitch(minLag, maxLag, window);
        int end = history.length;
        // The period to repeat, with its last quarter faded toward the period before it so that the
        // wrap from its end back to its start continues as the real signal did.
        int quarter = Math.max(1, pitch / 4);
        for (int j = 0; j < pitch; j++) {
            float sample = history[end - pitch + j];
            int fromTail = j - (pitch - quarter);
            if (fromTail >= 0) {
                float w = (fromTail + 1) / (float) (quarter + 1);
                sample = (1 - w) * sample + w * history[end - 2 * pitch + j];
            }
            period[j] = sample;
        }
        phase = 0;
        // Extrapolate one sample from the last two good ones; fade the difference out over a quarter period.
        float predicted = 2f * history[end - 1] - history[end - 2];
        offset = predicted - period[0];
        offsetLength = quarter;
        offsetLeft = quarter;
        return true;
    }

    /** True if every history sample from {@code from} on is below {@link #SILENCE_PEAK} in magnitude. */
    private boolean silent(int from) {
        for (int i = from; i < history.length; i++) {
            int x = history[i];
            if (x >= SILENCE_PEAK || x <= -SILENCE_PEAK) {
                return false;
            }
        }
        return true;
    }

    /**
     * The lag in [minLag, maxLag] whose period best predicts the last {@code window} samples (peak
     * normalized cross-correlation). As in G.711 Appendix I, a coarse search over every
     * {@code step}-th lag on every {@code step}-th sample, then a fine search at full resolution
     * around the coarse peak: about a seventh of the multiplications of a full search. The energy of
     * the lagged window slides from one lag to the next instead of being summed again. Integer sums
     * are exact (at most 320 products of 16-bit samples).
     */
    private int findPitch(int minLag, int maxLag, int window) {
        int step = 2 * rate8k;
        int end = history.length;
        int first = end - window;
        // Coarse: samples first, first + step, ...; lags minLag, minLag + step, ...
        long energy = 0;
        for (int i = first; i < end; i += step) {
            int lagged = history[i - minLag];
            energy += (long) lagged * lagged;
        }
        int coarse = minLag;
        double bestScore = -Double.MAX_VALUE;
        for (int lag = minLag; lag <= maxLag; lag += step) {
            long cross = 0;
            for (int i = first; i < end; i += step) {
                cross += (long) history[i] * history[i - lag];
            }
            double score = cross / Math.sqrt(energy + 1e-9);
            if (score > bestScore) {
                bestScore = score;
                coarse = lag;
            }
            // Slide to lag + step: one sample enters at the old end, one leaves at the new.
            int in = history[first - lag - step];
            int out = history[end - step - lag];
            energy += (long) in * in - (long) out * out;
        }
        // Fine: every lag within a coarse step of the peak, every sample.
        int best = coarse;
        bestScore = -Double.MAX_VALUE;
        for (int lag = Math.max(minLag, coarse - step + 1); lag <= Math.min(maxLag, coarse + step - 1); lag++) {
            long cross = 0;
            long lagEnergy = 0;
            for (int i = first; i < end; i++) {
                int lagged = history[i - lag];
                cross += (long) history[i] * lagged;
                lagEnergy += (long) lagged * lagged;
            }
            double score = cross / Math.sqrt(lagEnergy + 1e-9);
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        return best;
    }

    private float nextSynthetic() {
        float sample = period[phase];
        phase = phase + 1 == pitch ? 0 : phase + 1;
        if (offsetLeft > 0) {
            sample += offset * offsetLeft / (float) offsetLength;
            offsetLeft--;
        }
        return sample;
    }

    // G.711 Appendix I: the merge lasts a quarter period plus 4 ms per 10 ms of loss, at most 10 ms
    // (here at most maxMerge).
    private void mergeInto(short[] pcm, int off, int n) {
        if (!synthesizing) {
            return;
        }
        int length = pitch / 4 + (erased / (80 * rate8k)) * 32 * rate8k;
        length = Math.min(Math.min(length, maxMerge), n);
        for (int i = 0; i < length; i++) {
            float w = (i + 1) / (float) (length + 1);
            float synthetic = nextSynthetic() * gainAt(erased + i);
            pcm[off + i] = saturate((1 - w) * synthetic + w * pcm[off + i]);
        }
    }

    private void remember(short[] pcm, int off, int n) {
        int len = ring.length;
        if (n >= len) {
            System.arraycopy(pcm, off + n - len, ring, 0, len);
            ringPos = 0;
        } else {
            int first = Math.min(n, len - ringPos);
            System.arraycopy(pcm, off, ring, ringPos, first);
            System.arraycopy(pcm, off + first, ring, 0, n - first);
            ringPos = (ringPos + n) % len;
        }
        historyFill = Math.min(len, historyFill + n);
    }

    private static short saturate(float v) {
        int r = Math.round(v);
        return (short) (r > Short.MAX_VALUE ? Short.MAX_VALUE : Math.max(r, Short.MIN_VALUE));
    }
}
