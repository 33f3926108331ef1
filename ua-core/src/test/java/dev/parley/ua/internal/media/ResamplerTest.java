package dev.parley.ua.internal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.ua.Goertzel;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void sameRate_isIdentity() {
        Resampler r = new Resampler(8000, 8000);
        short[] in = {1, -2, 300, 4, 5};
        short[] out = new short[5];
        assertEquals(5, r.inputNeeded(5));
        r.process(in, 0, out, 0, 5);
        assertEquals(java.util.Arrays.toString(in), java.util.Arrays.toString(out));
    }

    @Test
    void upsamplingByTwo_interpolatesMidpoints() {
        Resampler r = new Resampler(8000, 16000);
        short[] in = {0, 100, 200, 300};
        short[] out = new short[6];
        int needed = r.inputNeeded(6);
        assertEquals(4, needed);
        r.process(in, 0, out, 0, 6);
        assertEquals("[0, 50, 100, 150, 200, 250]", java.util.Arrays.toString(out));
    }

    @Test
    void toneKeepsItsFrequency_across20msFrames_8kTo16k() {
        ToneSource tone = new ToneSource(new double[] {1000}, 0.5);
        Resampler r = new Resampler(8000, 16000);
        short[] in = new short[200];
        short[] out = new short[16000];
        short[] frame = new short[160];
        int produced = 0;
        int pending = 0;
        while (produced < out.length) {
            tone.read(frame, 8000);
            System.arraycopy(frame, 0, in, pending, 160);
            pending += 160;
            int n = Math.min(320, out.length - produced);
            while (r.inputNeeded(n) > pending) {
                n--;
            }
            int used = r.inputNeeded(n);
            r.process(in, 0, out, produced, n);
            produced += n;
            System.arraycopy(in, used, in, 0, pending - used);
            pending -= used;
        }
        assertTrue(Goertzel.relativePower(out, 0, 16000, 16000, 1000) > 0.4);
        assertTrue(Goertzel.relativePower(out, 0, 16000, 16000, 3000) < 0.01);
    }

    @Property(tries = 300)
    void consumesInputAtTheRateRatio(@ForAll @IntRange(min = 8000, max = 48000) int inRate,
                                     @ForAll @IntRange(min = 8000, max = 48000) int outRate) {
        Resampler r = new Resampler(inRate, outRate);
        short[] in = new short[inRate / 10 + 4];
        short[] out = new short[outRate / 50];
        long consumed = 0;
        for (int frame = 0; frame < 50; frame++) { // one second
            int needed = r.inputNeeded(out.length);
            assertTrue(needed <= in.length);
            r.process(in, 0, out, 0, out.length);
            consumed += needed;
        }
        // Output sample k sits at input position k × inRate / outRate: M outputs need exactly the
        // input up to the last one's position, rounded up for the interpolation lookahead.
        long m = 50L * out.length;
        long expected = 1 + ((m - 1) * inRate + outRate - 1) / outRate;
        assertEquals(expected, consumed, "no input lost or repeated across frames");
    }
}
