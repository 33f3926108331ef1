package dev.parley.codecs.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** G.722 state handling: one continuous stream whatever the framing, reset, and the 56/48 kbit/s modes. */
class G722StreamTest {

    private static final short[] SPEECH = Vectors.pcm("g722/speech_en.16k.s16");
    private static final short[] LOUD = Vectors.pcm("g722/sweep_log_fs.16k.s16");

    @Test
    void encoder_anyEvenFrameSizeGivesTheSameStream() {
        for (short[] input : new short[][] {SPEECH, LOUD}) {
            byte[] whole = encode(input, input.length);
            for (int frame : new int[] {2, 80, 160, 320, 322, 1000}) {
                assertArrayEquals(whole, encode(input, frame), "frame " + frame);
            }
            assertArrayEquals(whole, encodeInRandomEvenChunks(input, 42), "random even chunks");
        }
    }

    @Test
    void decoder_anyFrameSizeGivesTheSameSamples() {
        byte[] codes = Vectors.bytes("g722/codes_runs.16k.g722");
        short[] whole = decode(new G722Decoder(1), codes, codes.length);
        for (int frame : new int[] {1, 80, 160, 161}) {
            assertArrayEquals(whole, decode(new G722Decoder(1), codes, frame), "frame " + frame);
        }
    }

    @Test
    void reset_returnsEncoderAndDecoderToTheInitialState() {
        G722Encoder encoder = new G722Encoder();
        byte[] scratch = new byte[LOUD.length / 2];
        encoder.encode(LOUD, 0, LOUD.length, scratch, 0);
        encoder.reset();
        byte[] afterReset = new byte[SPEECH.length / 2];
        encoder.encode(SPEECH, 0, SPEECH.length, afterReset, 0);
        assertArrayEquals(encode(SPEECH, 320), afterReset);

        G722Decoder decoder = new G722Decoder(1);
        decode(decoder, scratch, 160);
        decoder.reset();
        assertArrayEquals(decode(new G722Decoder(1), afterReset, 160), decode(decoder, afterReset, 160));
    }

    @Test
    void encoder_rejectsAnOddSampleCount() {
        assertThrows(IllegalArgumentException.class,
                () -> new G722Encoder().encode(new short[3], 0, 3, new byte[2], 0));
    }

    @Test
    void lowerModes_ignoreTheLeastSignificantLowerBandBits() {
        byte[] codes = encode(SPEECH, 320);
        byte[] oneBitCleared = codes.clone();
        byte[] twoBitsFlipped = codes.clone();
        for (int i = 0; i < codes.length; i++) {
            oneBitCleared[i] ^= (byte) (i % 3 == 0 ? 0x01 : 0);
            twoBitsFlipped[i] ^= (byte) (i % 4);
        }
        assertArrayEquals(decode(new G722Decoder(2), codes, 160), decode(new G722Decoder(2), oneBitCleared, 160));
        assertArrayEquals(decode(new G722Decoder(3), codes, 160), decode(new G722Decoder(3), twoBitsFlipped, 160));
        assertFalse(Arrays.equals(decode(new G722Decoder(1), codes, 160), decode(new G722Decoder(1), oneBitCleared, 160)));
    }

    @Test
    void lowerModes_loseQualityGracefully() {
        // Each bit dropped from the lower band costs a few dB of SNR on speech, never the whole signal.
        byte[] codes = encode(SPEECH, 320);
        double snr64 = snr(SPEECH, decode(new G722Decoder(1), codes, 160));
        double snr56 = snr(SPEECH, decode(new G722Decoder(2), codes, 160));
        double snr48 = snr(SPEECH, decode(new G722Decoder(3), codes, 160));
        assertTrue(snr64 > snr56 && snr56 > snr48, snr64 + " " + snr56 + " " + snr48);
        assertTrue(snr48 > 5, "48 kbit/s SNR " + snr48);
    }

    private static double snr(short[] reference, short[] decoded) {
        // The codec delays by 22 samples (the two 24-tap QMFs); compare with the delay removed.
        int delay = 22;
        double signal = 0;
        double noise = 0;
        for (int i = 0; i + delay < reference.length; i++) {
            double s = reference[i];
            double e = decoded[i + delay] - s;
            signal += s * s;
            noise += e * e;
        }
        return 10 * Math.log10(signal / noise);
    }

    private static byte[] encode(short[] pcm, int frame) {
        G722Encoder encoder = new G722Encoder();
        byte[] out = new byte[pcm.length / 2];
        for (int i = 0; i < pcm.length; i += frame) {
            encoder.encode(pcm, i, Math.min(frame, pcm.length - i), out, i / 2);
        }
        return out;
    }

    private static byte[] encodeInRandomEvenChunks(short[] pcm, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        G722Encoder encoder = new G722Encoder();
        byte[] out = new byte[pcm.length / 2];
        int i = 0;
        while (i < pcm.length) {
            int n = Math.min(2 * random.nextInt(0, 400), pcm.length - i);
            assertEquals(n / 2, encoder.encode(pcm, i, n, out, i / 2));
            i += n;
        }
        return out;
    }

    private static short[] decode(G722Decoder decoder, byte[] codes, int frame) {
        short[] pcm = new short[codes.length * 2];
        for (int i = 0; i < codes.length; i += frame) {
            decoder.decode(codes, i, Math.min(frame, codes.length - i), pcm, 2 * i);
        }
        return pcm;
    }
}
