package dev.parley.ua.internal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.ToneMeter;
import dev.parley.ua.AudioSource;
import org.junit.jupiter.api.Test;

class ToneSourceTest {

    @Test
    void dualToneCarriesBothFrequenciesAndNothingElse() {
        AudioSource tone = new ToneSource(new double[] {697, 1209}, 0.8);
        short[] all = new short[16000];
        short[] frame = new short[320];
        for (int i = 0; i < 50; i++) {
            tone.read(frame, 16000);
            System.arraycopy(frame, 0, all, i * 320, 320);
        }
        assertTrue(ToneMeter.relativePower(all, 0, all.length, 16000, 697) > 0.2);
        assertTrue(ToneMeter.relativePower(all, 0, all.length, 16000, 1209) > 0.2);
        assertTrue(ToneMeter.relativePower(all, 0, all.length, 16000, 941) < 0.01);
    }

    @Test
    void peakNeverExceedsTheAmplitude_andPhaseIsContinuousAcrossFrames() {
        AudioSource tone = new ToneSource(new double[] {1000}, 0.5);
        short[] a = new short[160];
        short[] b = new short[160];
        tone.read(a, 8000);
        tone.read(b, 8000);
        int peak = 0;
        for (short s : a) {
            peak = Math.max(peak, Math.abs(s));
        }
        assertTrue(peak <= Math.round(0.5 * Short.MAX_VALUE));
        assertTrue(peak > 0.45 * Short.MAX_VALUE);
        // 1000 Hz at 8 kHz repeats every 8 samples: the second frame continues the first.
        assertEquals(a[152], b[0]);
    }

    @Test
    void rejectsAFrameRateWithoutWhole20msFrames() {
        assertThrows(IllegalArgumentException.class, () -> new ToneSource(new double[] {440}, 0.5).read(new short[500], 11025));
        assertThrows(IllegalArgumentException.class, () -> new ToneSource(new double[] {440}, 1.5));
    }
}
