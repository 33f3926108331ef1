package dev.parley.cli;

import dev.parley.codecs.DtmfDetector;
import dev.parley.codecs.Resampler;
import dev.parley.codecs.Tone;
import dev.parley.ua.AudioSink;
import dev.parley.ua.AudioSource;
import dev.parley.ua.AudioSources;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The demo's ears: an {@link AudioSink} that runs the codecs module's {@link DtmfDetector} over the
 * audio a call receives and remembers which dual tones it recognised, and when first. Each demo
 * phone plays its own DTMF-pair tone as in-band audio ({@link #source(char)}), so hearing that
 * key proves the audio crossed the call in that direction, encoded and decoded by the codec.
 * Frames at 16 kHz (G.722) are downsampled to the detector's 8 kHz; nothing is allocated per frame.
 */
final class ToneProbe implements AudioSink {

    /** Each of the two frequencies of a demo tone, as a fraction of full scale. */
    static final double AMPLITUDE = 0.3;

    private final CompletableFuture<Long>[] heard;
    private final long startNanos = System.nanoTime();
    private final DtmfDetector detector;
    private final Resampler down = Resampler.downsampling16kTo8k();
    private final short[] narrow = new short[160];

    @SuppressWarnings("unchecked")
    ToneProbe() {
        heard = new CompletableFuture[Tone.DTMF_KEYS.length()];
        for (int i = 0; i < heard.length; i++) {
            heard[i] = new CompletableFuture<>();
        }
        this.detector = new DtmfDetector(this::onKey);
    }

    /** An endless in-band tone of DTMF key {@code key}: its Q.23 row and column frequencies. */
    static AudioSource source(char key) {
        Tone t = Tone.dtmf(key, 1000);
        return AudioSources.tone(AMPLITUDE * 2, t.lowHz(), t.highHz());
    }

    /** "941+1633 Hz" for key D. */
    static String describe(char key) {
        Tone t = Tone.dtmf(key, 1000);
        return Math.round(t.lowHz()) + "+" + Math.round(t.highHz()) + " Hz";
    }

    private void onKey(char key, long startSample) {
        int i = Tone.DTMF_KEYS.indexOf(key);
        if (i >= 0) {
            heard[i].complete((System.nanoTime() - startNanos) / 1_000_000);
        }
    }

    @Override
    public void write(short[] frame, int sampleRate) {
        if (sampleRate == 8000) {
            detector.process(frame, 0, Math.min(frame.length, 160));
        } else if (sampleRate == 16000) {
            int n = down.process(frame, 0, Math.min(frame.length, 320), narrow, 0);
            detector.process(narrow, 0, n);
        }
        // Lenient: other rates are not produced by the phone's codecs (G.722, G.711); ignored.
    }

    /** The keys recognised so far, in keypad order ("AB"). */
    String keysHeard() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < heard.length; i++) {
            if (heard[i].isDone()) {
                sb.append(Tone.DTMF_KEYS.charAt(i));
            }
        }
        return sb.toString();
    }

    /**
     * Waits up to {@code millis} for the tone of {@code key}; returns the milliseconds from the
     * probe's creation to its first recognition, or -1 when it was not heard in time.
     */
    long awaitHeard(char key, long millis) {
        int i = Tone.DTMF_KEYS.indexOf(Character.toUpperCase(key));
        if (i < 0) {
            throw new IllegalArgumentException("not a DTMF key: " + key);
        }
        try {
            return heard[i].get(Math.max(0, millis), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
