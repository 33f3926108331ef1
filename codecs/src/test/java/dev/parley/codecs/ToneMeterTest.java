package dev.parley.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ToneMeterTest {

    private static short[] sine(int rate, double hz, int n, double amplitude) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    @Test
    void aPureTone_scoresAboutOneHalf_atItsFrequency_andNearZeroElsewhere() {
        short[] tone = sine(8000, 400, 800, 8000);
        assertEquals(0.5, ToneMeter.relativePower(tone, 0, 800, 8000, 400), 0.01);
        assertTrue(ToneMeter.relativePower(tone, 0, 800, 8000, 1000) < 0.001);
        assertTrue(ToneMeter.relativePower(tone, 0, 800, 8000, 450) < 0.01, "100 ms tells 50 Hz apart");
        // The share does not depend on the level.
        assertEquals(0.5, ToneMeter.relativePower(sine(8000, 400, 800, 100), 0, 800, 8000, 400), 0.01);
    }

    @Test
    void twoTones_eachGetTheirShare_andAWindowInsideTheArrayIsMeasuredAlone() {
        short[] mix = new short[1600];
        short[] a = sine(16000, 697, 800, 6000);
        short[] b = sine(16000, 1209, 800, 6000);
        for (int i = 0; i < 800; i++) {
            mix[i] = a[i]; // the first half: 697 Hz alone
            mix[800 + i] = (short) (a[i] + b[i]); // the second half: both
        }
        assertEquals(0.5, ToneMeter.relativePower(mix, 0, 800, 16000, 697), 0.02);
        assertTrue(ToneMeter.relativePower(mix, 0, 800, 16000, 1209) < 0.01);
        assertEquals(0.25, ToneMeter.relativePower(mix, 800, 800, 16000, 697), 0.02);
        assertEquals(0.25, ToneMeter.relativePower(mix, 800, 800, 16000, 1209), 0.02);
    }

    @Test
    void silenceAndEmptyBlocks_scoreZero_badArgumentsAreRejected() {
        assertEquals(0, ToneMeter.relativePower(new short[160], 0, 160, 8000, 400));
        assertEquals(0, ToneMeter.relativePower(new short[160], 10, 0, 8000, 400));
        short[] s = new short[160];
        assertThrows(IllegalArgumentException.class, () -> ToneMeter.relativePower(s, 100, 61, 8000, 400));
        assertThrows(IllegalArgumentException.class, () -> ToneMeter.relativePower(s, -1, 10, 8000, 400));
        assertThrows(IllegalArgumentException.class, () -> ToneMeter.relativePower(s, 0, 160, 8000, 4001));
        assertThrows(IllegalArgumentException.class, () -> ToneMeter.relativePower(s, 0, 160, 0, 400));
        assertThrows(IllegalArgumentException.class, () -> ToneMeter.relativePower(s, 0, 160, 8000, Double.NaN));
    }
}
