package dev.parley.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Packet loss concealment through the SPI, for every codec: a voiced signal is encoded, some
 * frames are dropped and concealed, and the audio is checked at the frame edges and over time.
 */
class PacketLossConcealmentTest {

    private static final int FRAMES = 30;

    /** A vowel-like signal: 160 Hz fundamental and decaying harmonics, about −12 dBFS. */
    private static short[] voiced(int rate, int samples) {
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) {
            double v = 0;
            for (int h = 1; h <= 8 && h * 160 < rate / 2; h++) {
                v += Math.sin(2 * Math.PI * 160 * h * i / rate + h) / h;
            }
            pcm[i] = (short) Math.round(5000 * v);
        }
        return pcm;
    }

    /** Encodes the signal, then decodes it frame by frame, concealing the frames in {@code lost}. */
    private static short[] decodeWithLoss(AudioCodec codec, short[] pcm, Set<Integer> lost) {
        int frame = codec.samplesPerFrame(20);
        byte[] payload = new byte[codec.encodedLength(frame)];
        short[] out = new short[pcm.length];
        AudioEncoder encoder = codec.newEncoder();
        AudioDecoder decoder = codec.newDecoder();
        for (int f = 0; f < pcm.length / frame; f++) {
            encoder.encode(pcm, f * frame, frame, payload, 0);
            if (lost.contains(f)) {
                assertEquals(frame, decoder.conceal(out, f * frame, frame));
            } else {
                assertEquals(frame, decoder.decode(payload, 0, payload.length, out, f * frame));
            }
        }
        return out;
    }

    private static int largestStep(short[] x, int from, int to) {
        int max = 0;
        for (int i = Math.max(1, from); i < Math.min(x.length, to); i++) {
            max = Math.max(max, Math.abs(x[i] - x[i - 1]));
        }
        return max;
    }

    private static double rms(short[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    private static AudioCodec codec(String name) {
        return Codecs.byName(name).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PCMU", "PCMA", "G722"})
    void concealedFrames_haveNoSpikesAtFrameEdges(String name) {
        AudioCodec codec = codec(name);
        int frame = codec.samplesPerFrame(20);
        short[] pcm = voiced(codec.sampleRate(), FRAMES * frame);
        short[] clean = decodeWithLoss(codec, pcm, Set.of());
        short[] concealed = decodeWithLoss(codec, pcm, Set.of(10, 11, 20));
        int normal = largestStep(clean, 2 * frame, FRAMES * frame);
        // Every edge into, between and out of the lost frames: no step larger than the signal's own.
        for (int edge : new int[] {10, 11, 12, 20, 21}) {
            int step = largestStep(concealed, edge * frame - 4, edge * frame + 4);
            assertTrue(step <= normal * 1.2, name + " edge of frame " + edge + ": step " + step + ", signal's largest " + normal);
        }
        // And inside the concealed and merged stretch as a whole.
        int inside = largestStep(concealed, 10 * frame, 13 * frame);
        assertTrue(inside <= normal * 1.2, name + " inside the loss: step " + inside + " vs " + normal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PCMU", "PCMA", "G722"})
    void concealment_repeatsThePitchAtFullLevelFirst(String name) {
        AudioCodec codec = codec(name);
        int frame = codec.samplesPerFrame(20);
        short[] pcm = voiced(codec.sampleRate(), FRAMES * frame);
        short[] clean = decodeWithLoss(codec, pcm, Set.of());
        short[] concealed = decodeWithLoss(codec, pcm, Set.of(10));
        // The first 10 ms of a loss keep the level of the signal (G.711 Appendix I).
        double level = rms(clean, 9 * frame, 10 * frame);
        double first = rms(concealed, 10 * frame, 10 * frame + frame / 2);
        assertTrue(first > 0.7 * level && first < 1.3 * level, name + ": " + first + " vs " + level);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PCMU", "PCMA", "G722"})
    void longLoss_decaysToSilenceAndRecovers(String name) {
        AudioCodec codec = codec(name);
        int frame = codec.samplesPerFrame(20);
        short[] pcm = voiced(codec.sampleRate(), FRAMES * frame);
        short[] concealed = decodeWithLoss(codec, pcm, Set.of(10, 11, 12, 13, 14, 15));
        double previous = Double.MAX_VALUE;
        for (int f = 10; f <= 15; f++) {
            double level = rms(concealed, f * frame, (f + 1) * frame);
            assertTrue(level <= previous, name + ": level rises in lost frame " + f);
            previous = level;
        }
        // G.711 Appendix I: silent after 60 ms of loss.
        assertEquals(0.0, rms(concealed, 13 * frame, 16 * frame), name);
        // Real audio is back, at its own level, once the merge is over.
        short[] clean = decodeWithLoss(codec, pcm, Set.of());
        double back = rms(concealed, 17 * frame, 18 * frame);
        double expected = rms(clean, 17 * frame, 18 * frame);
        assertTrue(Math.abs(back - expected) < 0.25 * expected, name + ": " + back + " vs " + expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PCMU", "PCMA", "G722"})
    void lossAtTheStartOfAStream_isSilenceThenAudio(String name) {
        AudioCodec codec = codec(name);
        int frame = codec.samplesPerFrame(20);
        short[] pcm = voiced(codec.sampleRate(), FRAMES * frame);
        Set<Integer> lost = new java.util.HashSet<>();
        for (int f = 0; f < 12; f++) {
            lost.add(f);
        }
        short[] out = decodeWithLoss(codec, pcm, lost);
        assertEquals(0.0, rms(out, 0, 12 * frame), name);
        assertTrue(rms(out, 14 * frame, 15 * frame) > 1000, name);
        // An hour of loss in odd-sized pieces, then audio: nothing overflows or wraps.
        AudioDecoder decoder = codec.newDecoder();
        short[] scratch = new short[977];
        for (int i = 0; i < 20_000; i++) {
            decoder.conceal(scratch, 0, scratch.length);
        }
        decoder.reset();
        assertEquals(frame, decoder.conceal(scratch, 0, frame));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PCMU", "PCMA", "G722"})
    void veryLongLossAfterSpeech_staysSilentAndNeverFails(String name) {
        AudioCodec codec = codec(name);
        int frame = codec.samplesPerFrame(20);
        short[] pcm = voiced(codec.sampleRate(), FRAMES * frame);
        AudioEncoder encoder = codec.newEncoder();
        AudioDecoder decoder = codec.newDecoder();
        byte[] payload = new byte[codec.encodedLength(frame)];
        short[] out = new short[frame];
        for (int f = 0; f < 10; f++) {
            encoder.encode(pcm, f * frame, frame, payload, 0);
            decoder.decode(payload, 0, payload.length, out, 0);
        }
        for (int f = 0; f < 5_000; f++) {      // 100 s
            decoder.conceal(out, 0, frame);
        }
        assertEquals(0.0, rms(out, 0, frame), name);
        encoder.encode(pcm, 10 * frame, frame, payload, 0);
        assertEquals(frame, decoder.decode(payload, 0, payload.length, out, 0));
    }
}
