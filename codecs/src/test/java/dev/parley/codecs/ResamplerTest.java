package dev.parley.codecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** 8 ↔ 16 kHz resampling: passband flatness, image and alias rejection, group delay, framing. */
class ResamplerTest {

    private static final double AMPLITUDE = 16000;

    private static short[] sine(double hz, int rate, int samples) {
        short[] x = new short[samples];
        for (int i = 0; i < samples; i++) {
            x[i] = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    /** Amplitude of the component at {@code hz} over exactly one second starting at {@code from}. */
    private static double amplitudeAt(short[] y, int rate, double hz, int from) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < rate; i++) {
            double w = 2 * Math.PI * hz * (from + i) / rate;
            re += y[from + i] * Math.cos(w);
            im += y[from + i] * Math.sin(w);
        }
        return 2 * Math.hypot(re, im) / rate;
    }

    private static short[] run(Resampler r, short[] in) {
        short[] out = new short[r.outputLength(in.length)];
        assertEquals(out.length, r.process(in, 0, in.length, out, 0));
        return out;
    }

    private static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }

    @Test
    void upsampling_isFlatTo3400HzAndRejectsImagesBy60dB() {
        for (int hz = 100; hz <= 3400; hz += 100) {
            short[] out = run(Resampler.upsampling8kTo16k(), sine(hz, 8000, 9000));
            double gain = amplitudeAt(out, 16000, hz, 1000) / AMPLITUDE;
            assertTrue(Math.abs(db(gain)) < 0.1, hz + " Hz passband gain " + db(gain) + " dB");
            // The zero-stuffing image of f lies at 8000 − f, in the stopband from 4600 Hz.
            double image = amplitudeAt(out, 16000, 8000 - hz, 1000) / AMPLITUDE;
            assertTrue(db(image) < -60, hz + " Hz image at " + (8000 - hz) + " Hz: " + db(image) + " dB");
        }
    }

    @Test
    void downsampling_isFlatTo3400HzAndRejectsAliasesBy60dB() {
        for (int hz = 100; hz <= 3400; hz += 100) {
            short[] out = run(Resampler.downsampling16kTo8k(), sine(hz, 16000, 18000));
            double gain = amplitudeAt(out, 8000, hz, 500) / AMPLITUDE;
            assertTrue(Math.abs(db(gain)) < 0.1, hz + " Hz passband gain " + db(gain) + " dB");
        }
        for (int hz = 4600; hz <= 7900; hz += 100) {
            short[] out = run(Resampler.downsampling16kTo8k(), sine(hz, 16000, 18000));
            double alias = amplitudeAt(out, 8000, 8000 - hz, 500) / AMPLITUDE;
            assertTrue(db(alias) < -60, hz + " Hz alias at " + (8000 - hz) + " Hz: " + db(alias) + " dB");
        }
    }

    @Test
    void groupDelay_is29SamplesAt16kHz() {
        assertEquals(29 / 16.0, Resampler.groupDelayMillis());
        short[] impulse = new short[200];
        impulse[50] = 20000;
        short[] up = run(Resampler.upsampling8kTo16k(), impulse);
        assertEquals(2 * 50 + 29, indexOfPeak(up));
        assertEquals(20000, up[2 * 50 + 29]);
        short[] wideImpulse = new short[400];
        wideImpulse[101] = 20000;
        short[] down = run(Resampler.downsampling16kTo8k(), wideImpulse);
        assertEquals((101 + 29) / 2, indexOfPeak(down));
    }

    @Test
    void frameByFrame_equalsAllAtOnce() {
        short[] speechLike = new short[3200];
        for (int i = 0; i < speechLike.length; i++) {
            speechLike[i] = (short) (8000 * Math.sin(i * 0.07) + 3000 * Math.sin(i * 0.61));
        }
        for (boolean up : new boolean[] {true, false}) {
            Resampler whole = up ? Resampler.upsampling8kTo16k() : Resampler.downsampling16kTo8k();
            short[] expected = run(whole, speechLike);
            Resampler framed = up ? Resampler.upsampling8kTo16k() : Resampler.downsampling16kTo8k();
            short[] actual = new short[expected.length];
            for (int i = 0; i < speechLike.length; i += 160) {
                framed.process(speechLike, i, 160, actual, up ? 2 * i : i / 2);
            }
            assertArrayEquals(expected, actual);
            framed.reset();
            assertArrayEquals(expected, run(framed, speechLike));
        }
    }

    @Test
    void fullScaleInput_saturatesInsteadOfWrapping() {
        short[] square = new short[800];
        for (int i = 0; i < square.length; i++) {
            square[i] = (i / 4) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
        }
        short[] up = run(Resampler.upsampling8kTo16k(), square);
        for (int i = 100; i < up.length - 1; i++) {
            // A wrap-around would show as a jump of nearly 65536 between neighbours.
            assertTrue(Math.abs(up[i] - up[i - 1]) < 40000, "jump at " + i);
        }
    }

    private static int indexOfPeak(short[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (Math.abs(x[i]) > Math.abs(x[best])) {
                best = i;
            }
        }
        return best;
    }
}
