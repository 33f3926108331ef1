package dev.parley.codecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ToneGeneratorTest {

    private static short[] generate(Tone tone, int rate, int samples) {
        short[] out = new short[samples];
        new ToneGenerator(tone, rate).generate(out, 0, samples);
        return out;
    }

    private static double amplitudeAt(short[] y, int rate, double hz, int from, int length) {
        double re = 0;
        double im = 0;
        for (int i = from; i < from + length; i++) {
            re += y[i] * Math.cos(2 * Math.PI * hz * i / rate);
            im += y[i] * Math.sin(2 * Math.PI * hz * i / rate);
        }
        return 2 * Math.hypot(re, im) / length;
    }

    @Test
    void dtmfKeys_useTheQ23FrequencyPairs() {
        short[] five = generate(Tone.dtmf('5', 1000), 8000, 8000);
        double expected = new Tone(1, 0, -8, Cadence.CONTINUOUS).amplitude();
        assertEquals(expected, amplitudeAt(five, 8000, 770, 0, 8000), 2);
        assertEquals(expected, amplitudeAt(five, 8000, 1336, 0, 8000), 2);
        assertTrue(amplitudeAt(five, 8000, 697, 0, 8000) < 2);
        assertTrue(amplitudeAt(five, 8000, 1209, 0, 8000) < 2);
        short[] d = generate(Tone.dtmf('d', 1000), 16000, 16000);
        assertEquals(expected, amplitudeAt(d, 16000, 941, 0, 16000), 2);
        assertEquals(expected, amplitudeAt(d, 16000, 1633, 0, 16000), 2);
        assertThrows(IllegalArgumentException.class, () -> Tone.dtmf('E', 100));
    }

    @Test
    void level_followsTheG711Scale() {
        // +3.17 dBm0 is a full-scale sine; 0 dBm0 is 3.17 dB below it.
        assertEquals(32767, new Tone(1000, 0, 3.17, Cadence.CONTINUOUS).amplitude(), 0.5);
        assertEquals(32767 / Math.pow(10, 3.17 / 20), new Tone(1000, 0, 0, Cadence.CONTINUOUS).amplitude(), 0.5);
    }

    @Test
    void cadence_switchesOnAndOffAtTheGivenTimes() {
        short[] busy = generate(Tone.busyEurope(), 8000, 8000 * 2);
        for (int ms = 0; ms < 2000; ms += 50) {
            boolean on = (ms / 500) % 2 == 0;
            double level = amplitudeAt(busy, 8000, 425, ms * 8, 400);
            assertEquals(on, level > 100, "at " + ms + " ms: " + level);
        }
        short[] ringback = generate(Tone.ringbackNorthAmerica().withCadence(Cadence.repeating(100, 300)), 8000, 8000);
        for (int ms = 0; ms < 1000; ms += 25) {
            boolean on = ms % 400 < 100;
            assertEquals(on, amplitudeAt(ringback, 8000, 440, ms * 8, 200) > 100, "at " + ms + " ms");
        }
        short[] once = generate(Tone.dtmf('1', 40), 8000, 800);
        assertTrue(amplitudeAt(once, 8000, 697, 0, 320) > 1000);
        for (int i = 320; i < 800; i++) {
            assertEquals(0, once[i]);
        }
    }

    @Test
    void frameByFrame_equalsAllAtOnce() {
        short[] whole = generate(Tone.ringbackEurope(), 16000, 16000 * 6);
        short[] framed = new short[whole.length];
        ToneGenerator generator = new ToneGenerator(Tone.ringbackEurope(), 16000);
        for (int i = 0; i < framed.length; i += 320) {
            generator.generate(framed, i, 320);
        }
        assertArrayEquals(whole, framed);
        assertEquals(whole.length, generator.position());
        generator.reset();
        short[] again = new short[320];
        generator.generate(again, 0, 320);
        assertArrayEquals(java.util.Arrays.copyOf(whole, 320), again);
    }

    @Test
    void loudDualTone_saturatesInsteadOfWrapping() {
        Tone tone = new Tone(697, 1209, 3, Cadence.CONTINUOUS);
        short[] loud = generate(tone, 8000, 8000);
        int clipped = 0;
        for (int i = 0; i < loud.length; i++) {
            double ideal = tone.amplitude() * (Math.sin(2 * Math.PI * 697 * i / 8000) + Math.sin(2 * Math.PI * 1209 * i / 8000));
            if (ideal > Short.MAX_VALUE || ideal < Short.MIN_VALUE) {
                clipped++;
                assertEquals(ideal > 0 ? Short.MAX_VALUE : Short.MIN_VALUE, loud[i], "sample " + i);
            } else {
                assertEquals(ideal, loud[i], 1.0, "sample " + i);
            }
        }
        assertTrue(clipped > 100, "the test tone should overload: " + clipped);
    }
}
