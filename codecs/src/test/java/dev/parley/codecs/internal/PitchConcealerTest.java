package dev.parley.codecs.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The concealer on its own: what its pitch search finds and when it does not search at all. */
class PitchConcealerTest {

    private static final int FRAME = 160;

    /** A periodic signal of exactly {@code period} samples: three harmonics at about −10 dBFS. */
    private static short periodic(int period, int i) {
        double v = 0;
        for (int k = 1; k <= 3; k++) {
            v += Math.sin(2 * Math.PI * k * i / period + k) / k;
        }
        return (short) Math.round(6000 * v);
    }

    @ParameterizedTest
    @ValueSource(ints = {41, 45, 57, 64, 83, 99, 110, 119})
    void concealment_continuesAPeriodicWaveform(int period) {
        PitchConcealer plc = new PitchConcealer(8000);
        short[] pcm = new short[FRAME];
        int t = 0;
        for (int f = 0; f < 4; f++) {
            for (int i = 0; i < FRAME; i++) {
                pcm[i] = periodic(period, t++);
            }
            plc.good(pcm, 0, FRAME);
        }
        short[] out = new short[FRAME];
        plc.conceal(out, 0, FRAME);
        // G.711 Appendix I: full level for the first 10 ms. After the junction correction (a
        // quarter of the repeated period, which may be a multiple of the signal's, ≤ 120 samples)
        // the repetition is the signal's own continuation.
        for (int i = 120 / 4 + 1; i < 80; i++) {
            int expected = periodic(period, t + i);
            assertTrue(Math.abs(out[i] - expected) <= 2,
                    "period " + period + ", sample " + i + ": " + out[i] + " vs " + expected);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15})
    void silentOrNearlySilentHistory_isConcealedWithZeros(int peak) {
        PitchConcealer plc = new PitchConcealer(8000);
        SplittableRandom rnd = new SplittableRandom(peak);
        short[] pcm = new short[FRAME];
        for (int f = 0; f < 4; f++) {
            for (int i = 0; i < FRAME; i++) {
                pcm[i] = (short) rnd.nextInt(-peak, peak + 1);
            }
            plc.good(pcm, 0, FRAME);
        }
        short[] out = new short[FRAME];
        java.util.Arrays.fill(out, (short) 99);
        plc.conceal(out, 0, FRAME);
        assertArrayEquals(new short[FRAME], out);
    }

    @ParameterizedTest
    @ValueSource(ints = {8000, 16000})
    void quietButAudibleHistory_isStillRepeated(int rate) {
        PitchConcealer plc = new PitchConcealer(rate);
        int frame = rate / 50;
        short[] pcm = new short[frame];
        int t = 0;
        for (int f = 0; f < 4; f++) {
            for (int i = 0; i < frame; i++) {
                pcm[i] = (short) (periodic(50 * rate / 8000, t++) / 200); // peak ≈ 40: −58 dBFS
            }
            plc.good(pcm, 0, frame);
        }
        short[] out = new short[frame];
        plc.conceal(out, 0, frame);
        int peak = 0;
        for (short s : out) {
            peak = Math.max(peak, Math.abs(s));
        }
        assertTrue(peak >= 16, "peak " + peak);
    }
}
