package dev.parley.codecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link Resampler#between}: equal rates copy, 8 ↔ 16 kHz is the half-band filter, other rates interpolate. */
class AnyRateResamplerTest {

    private static short[] run(Resampler r, short[] in) {
        short[] out = new short[r.outputLength(in.length)];
        return Arrays.copyOf(out, r.process(in, 0, in.length, out, 0));
    }

    @Test
    void sameRate_isIdentity() {
        short[] in = {1, -2, 300, 4, 5};
        assertArrayEquals(in, run(Resampler.between(44100, 44100), in));
    }

    @Test
    void eightAndSixteenKilohertz_takeTheHalfbandFilter() {
        short[] impulse = new short[200];
        impulse[50] = 20000;
        assertArrayEquals(run(Resampler.upsampling8kTo16k(), impulse), run(Resampler.between(8000, 16000), impulse));
        assertArrayEquals(run(Resampler.downsampling16kTo8k(), impulse), run(Resampler.between(16000, 8000), impulse));
    }

    @Test
    void upsamplingByTwo_interpolatesMidpoints() {
        short[] out = run(Resampler.between(11025, 22050), new short[] {0, 100, 200, 300});
        assertEquals("[0, 50, 100, 150, 200, 250, 300]", Arrays.toString(out));
    }

    @Test
    void toneKeepsItsPitch_across20msFrames_44k1To8kAnd8kTo48k() {
        for (int[] rates : new int[][] {{44100, 8000}, {8000, 48000}, {48000, 16000}}) {
            int inRate = rates[0];
            int outRate = rates[1];
            Resampler r = Resampler.between(inRate, outRate);
            short[] in = new short[inRate / 50];
            short[] out = new short[outRate * 2];
            short[] frame = new short[r.outputLength(in.length)];
            int produced = 0;
            for (int f = 0; f < 100; f++) {          // two seconds of a 1 kHz tone
                for (int i = 0; i < in.length; i++) {
                    in[i] = (short) Math.round(12000 * Math.sin(2 * Math.PI * 1000 * (f * in.length + i) / inRate));
                }
                int n = r.process(in, 0, in.length, frame, 0);
                System.arraycopy(frame, 0, out, produced, Math.min(n, out.length - produced));
                produced += n;
            }
            // Interpolation waits for the next input sample: the outputs after the last one come later.
            int late = out.length - produced;
            assertTrue(late >= 0 && late <= outRate / inRate, inRate + " → " + outRate + ": " + produced);
            double tone = power(out, outRate, 1000);
            double off = power(out, outRate, 1700);
            assertTrue(tone > 1000 * off, inRate + " → " + outRate + ": 1 kHz " + tone + ", 1.7 kHz " + off);
        }
    }

    /** Power at {@code hz} over the second second of {@code y}. */
    private static double power(short[] y, int rate, double hz) {
        double re = 0;
        double im = 0;
        for (int i = rate; i < 2 * rate - 1; i++) {
            re += y[i] * Math.cos(2 * Math.PI * hz * i / rate);
            im += y[i] * Math.sin(2 * Math.PI * hz * i / rate);
        }
        return re * re + im * im;
    }

    @Property(tries = 300)
    void framedEqualsWhole_andNoInputIsLostOrRepeated(@ForAll @IntRange(min = 8000, max = 48000) int inRate,
                                                       @ForAll @IntRange(min = 8000, max = 48000) int outRate) {
        short[] second = new short[inRate];
        for (int i = 0; i < second.length; i++) {
            second[i] = (short) (8000 * Math.sin(i * 0.07) + 3000 * Math.sin(i * 0.61));
        }
        short[] whole = run(Resampler.between(inRate, outRate), second);
        Resampler framed = Resampler.between(inRate, outRate);
        short[] joined = new short[whole.length + 64];
        short[] frame = new short[framed.outputLength(inRate / 50 + 1)];
        int produced = 0;
        for (int at = 0; at < inRate; ) {
            int n = Math.min(inRate / 50 + (at & 1), inRate - at);   // uneven frames
            int made = framed.process(second, at, n, frame, 0);
            assertTrue(made <= framed.outputLength(n));
            System.arraycopy(frame, 0, joined, produced, made);
            produced += made;
            at += n;
        }
        assertArrayEquals(whole, Arrays.copyOf(joined, produced));
        if (!(inRate == 8000 && outRate == 16000 || inRate == 16000 && outRate == 8000)) {
            // Output sample k sits at input position k·inRate/outRate: N inputs give every output
            // whose position is at most N − 1.
            long expected = ((long) (inRate - 1) * outRate) / inRate + 1;
            assertEquals(expected, whole.length);
        }
    }
}
