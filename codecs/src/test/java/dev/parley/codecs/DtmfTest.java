package dev.parley.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** DTMF generation (Q.23) and detection (Q.24-style rules). */
class DtmfTest {

    /** Records what the detector reports. */
    private static final class Keys implements DtmfDetector.Listener {
        final StringBuilder keys = new StringBuilder();
        final List<Long> starts = new ArrayList<>();
        final List<Long> ends = new ArrayList<>();

        @Override
        public void digitStarted(char key, long startSample) {
            keys.append(key);
            starts.add(startSample);
        }

        @Override
        public void digitEnded(char key, long endSample) {
            ends.add(endSample);
        }
    }

    private static short[] silence(int ms) {
        return new short[ms * 8];
    }

    private static short[] tone(double low, double high, double lowDbm0, double highDbm0, int ms, double phase) {
        short[] x = new short[ms * 8];
        double a = new Tone(1, 0, lowDbm0, Cadence.CONTINUOUS).amplitude();
        double b = new Tone(1, 0, highDbm0, Cadence.CONTINUOUS).amplitude();
        for (int i = 0; i < x.length; i++) {
            x[i] = (short) Math.round(a * Math.sin(2 * Math.PI * low * i / 8000 + phase)
                    + b * Math.sin(2 * Math.PI * high * i / 8000 + 2 * phase));
        }
        return x;
    }

    private static Keys detect(short[]... parts) {
        Keys keys = new Keys();
        DtmfDetector detector = new DtmfDetector(keys);
        for (short[] part : parts) {
            // Feed in 20 ms frames (and a ragged last one), as RTP would deliver it.
            for (int i = 0; i < part.length; i += 160) {
                detector.process(part, i, Math.min(160, part.length - i));
            }
        }
        return keys;
    }

    private static String detectKey(double lowFactor, double highFactor, double lowDbm0, double highDbm0, int ms, char key) {
        int index = Tone.DTMF_KEYS.indexOf(key);
        double low = Tone.dtmfRowHz(index / 4) * lowFactor;
        double high = Tone.dtmfColumnHz(index % 4) * highFactor;
        return detect(silence(37), tone(low, high, lowDbm0, highDbm0, ms, 0.3 * index), silence(60)).keys.toString();
    }

    @Test
    void generatedDigits_areDetectedInOrder() {
        List<short[]> parts = new ArrayList<>();
        for (char key : Tone.DTMF_KEYS.toCharArray()) {
            short[] digit = new short[8 * 100];
            new ToneGenerator(Tone.dtmf(key, 50), 8000).generate(digit, 0, digit.length);
            parts.add(digit);
        }
        Keys keys = detect(parts.toArray(short[][]::new));
        assertEquals(Tone.DTMF_KEYS, keys.keys.toString());
        assertEquals(16, keys.ends.size());
    }

    @Test
    void everyKey_withinOnePointFivePercent_isDetected() {
        for (char key : Tone.DTMF_KEYS.toCharArray()) {
            for (double f : new double[] {0.985, 1.0, 1.015}) {
                for (double g : new double[] {0.985, 1.015}) {
                    assertEquals(String.valueOf(key), detectKey(f, g, -8, -8, 45, key), key + " at " + f + "/" + g);
                }
            }
        }
    }

    @Test
    void everyKey_beyondThreePointFivePercent_isRejected() {
        for (char key : Tone.DTMF_KEYS.toCharArray()) {
            for (double off : new double[] {0.965, 1.035, 0.95, 1.05}) {
                assertEquals("", detectKey(off, 1.0, -8, -8, 100, key), key + " row off by " + off);
                assertEquals("", detectKey(1.0, off, -8, -8, 100, key), key + " column off by " + off);
            }
        }
    }

    @Test
    void duration_fortyMillisecondsIsEnoughTwentyIsNot() {
        for (char key : Tone.DTMF_KEYS.toCharArray()) {
            // Whatever the alignment with the detector's blocks.
            for (int lead = 0; lead < 102; lead += 17) {
                short[] pad = new short[lead];
                assertEquals(String.valueOf(key), detect(pad, tone(key, 40)).keys.toString(), key + " 40 ms, lead " + lead);
                assertEquals("", detect(pad, tone(key, 20)).keys.toString(), key + " 20 ms, lead " + lead);
            }
        }
    }

    private static short[] tone(char key, int ms) {
        int index = Tone.DTMF_KEYS.indexOf(key);
        short[] t = tone(Tone.dtmfRowHz(index / 4), Tone.dtmfColumnHz(index % 4), -8, -8, ms, index);
        short[] padded = new short[t.length + 8 * 60];
        System.arraycopy(t, 0, padded, 0, t.length);
        return padded;
    }

    @Test
    void twist_acceptedWithinLimitsRejectedBeyond() {
        assertEquals("5", detectKey(1, 1, -8, -4.5, 60, '5'));      // column 3.5 dB above the row
        assertEquals("5", detectKey(1, 1, -6, -13.5, 60, '5'));     // column 7.5 dB below
        assertEquals("", detectKey(1, 1, -10, -5, 60, '5'));        // column 5 dB above
        assertEquals("", detectKey(1, 1, -4, -13, 60, '5'));        // column 9 dB below
    }

    @Test
    void level_belowMinus30dBm0IsIgnored() {
        assertEquals("9", detectKey(1, 1, -28, -28, 60, '9'));
        assertEquals("", detectKey(1, 1, -34, -34, 60, '9'));
    }

    @Test
    void gapOf10ms_doesNotSplitAKey_gapOf40msDoes() {
        for (int lead = 0; lead < 102; lead += 7) {
            short[] pad = new short[lead];
            assertEquals("7", detect(pad, tone(852, 1209, -8, -8, 60, 0), silence(10), tone(852, 1209, -8, -8, 60, 0),
                    silence(50)).keys.toString(), "10 ms gap, lead " + lead);
            assertEquals("77", detect(pad, tone(852, 1209, -8, -8, 60, 0), silence(40), tone(852, 1209, -8, -8, 60, 0),
                    silence(50)).keys.toString(), "40 ms gap, lead " + lead);
        }
    }

    @Test
    void keyEvents_markWhereTheToneStartsAndStops() {
        Keys keys = detect(silence(100), tone(941, 1336, -8, -8, 100, 0), silence(100));
        assertEquals("0", keys.keys.toString());
        // The tone occupies samples 800–1600: the first confirming block starts within a block of it.
        assertTrue(keys.starts.get(0) >= 800 && keys.starts.get(0) < 800 + 102, "start " + keys.starts);
        assertTrue(keys.ends.get(0) >= 1600 - 102 && keys.ends.get(0) <= 1600 + 102, "end " + keys.ends);
    }

    @Test
    void speechNoiseAndTestSignals_giveNoFalseDetections() throws IOException {
        String dir = System.getProperty("parley.shared.dir", "../../shared");
        Path g711 = Path.of(dir, "vectors", "codecs", "g711");
        assertTrue(Files.isDirectory(g711), "codec vectors missing: " + g711.toAbsolutePath());
        int files = 0;
        try (var list = Files.list(g711)) {
            for (Path p : list.filter(f -> f.toString().endsWith(".8k.s16")).toList()) {
                byte[] raw = Files.readAllBytes(p);
                short[] pcm = new short[raw.length / 2];
                ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(pcm);
                assertEquals("", detect(pcm).keys.toString(), p.getFileName().toString());
                files++;
            }
        }
        assertTrue(files >= 10, "only " + files + " test signals found");
        // And a long stretch of random noise at several levels.
        SplittableRandom random = new SplittableRandom(1);
        short[] noise = new short[8000 * 20];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (short) (random.nextGaussian() * (i < 80000 ? 3000 : 300));
        }
        assertEquals("", detect(noise).keys.toString());
    }
}
