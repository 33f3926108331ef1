package dev.parley.cli;

import dev.parley.codecs.ToneMeter;
import dev.parley.codecs.Wav;
import dev.parley.codecs.WavAudio;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Test helper: which pure tones a recording carries, window by window. Each 40 ms window of 16 kHz
 * audio is 640 samples, so a tone at a multiple of 25 Hz fits whole cycles and the Goertzel
 * algorithm sees it without leakage: a lone tone holds about half the window's normalised power,
 * each of two equal tones about a quarter, an absent one almost nothing.
 */
final class ToneWindows {

    static final int RATE = 16_000;
    static final int WINDOW = 640;
    /** A window quieter than this (RMS) is silence and is not counted. */
    private static final double SILENCE_RMS = 300;
    /** A tone is "present" above this share, "absent" below {@link #ABSENT}. */
    private static final double PRESENT = 0.08;
    private static final double ABSENT = 0.02;

    private ToneWindows() {
    }

    /** Writes one second of a {@code hz} tone at 16 kHz: whole cycles, so it loops without a click. */
    static Path writeTone(Path file, int hz) throws IOException {
        short[] s = new short[RATE];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (7000 * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        Wav.write(file, WavAudio.ofPcm(s, RATE));
        return file;
    }

    /** Samples louder than 2000 (of 32767): a recording that carries a tone has thousands, silence none. */
    static long loudSamples(short[] samples) {
        long loud = 0;
        for (short v : samples) {
            if (Math.abs(v) > 2000) {
                loud++;
            }
        }
        return loud;
    }

    /** The 16 kHz samples of a recording that {@code parley} wrote. */
    static short[] read(Path wav) throws IOException {
        WavAudio audio = Wav.read(wav, 16 << 20);
        if (audio.sampleRate() != RATE) {
            throw new AssertionError(wav + " is at " + audio.sampleRate() + " Hz, not " + RATE);
        }
        return audio.samples();
    }

    /** How many non-silent windows in samples [from, to) carry {@code hz}. */
    static int present(short[] s, int from, int to, int hz) {
        return count(s, from, to, hz, true);
    }

    /** How many non-silent windows in samples [from, to) do carry sound but not {@code hz}. */
    static int absent(short[] s, int from, int to, int hz) {
        return count(s, from, to, hz, false);
    }

    /** Non-silent windows in samples [from, to). */
    static int loud(short[] s, int from, int to) {
        int n = 0;
        for (int w = Math.max(0, from); w + WINDOW <= Math.min(to, s.length); w += WINDOW) {
            if (rms(s, w) >= SILENCE_RMS) {
                n++;
            }
        }
        return n;
    }

    private static int count(short[] s, int from, int to, int hz, boolean present) {
        int n = 0;
        for (int w = Math.max(0, from); w + WINDOW <= Math.min(to, s.length); w += WINDOW) {
            if (rms(s, w) < SILENCE_RMS) {
                continue;
            }
            double share = share(s, w, hz);
            if (present ? share > PRESENT : share < ABSENT) {
                n++;
            }
        }
        return n;
    }

    private static double rms(short[] s, int from) {
        double e = 0;
        for (int i = from; i < from + WINDOW; i++) {
            e += (double) s[i] * s[i];
        }
        return Math.sqrt(e / WINDOW);
    }

    /** The share of one window's power at {@code hz} (codecs' {@code ToneMeter}). */
    private static double share(short[] s, int from, int hz) {
        return ToneMeter.relativePower(s, from, WINDOW, RATE, hz);
    }
}
