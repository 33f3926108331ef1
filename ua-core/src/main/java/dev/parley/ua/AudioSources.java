package dev.parley.ua;

import dev.parley.ua.internal.media.SilenceSource;
import dev.parley.ua.internal.media.ToneSource;
import dev.parley.ua.internal.media.WavFileSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Ready-made {@link AudioSource}s.
 *
 * <pre>{@code
 * call.audioSource(AudioSources.wavFile(Path.of("hold-music.wav"), true)); // loops
 * call.audioSource(AudioSources.tone(0.5, 350, 440));                      // dial tone
 * }</pre>
 */
public final class AudioSources {

    private AudioSources() {
    }

    /** Digital silence, forever. */
    public static AudioSource silence() {
        return new SilenceSource();
    }

    /**
     * A continuous tone: the sum of sine waves at {@code frequencies} Hz whose combined peak is
     * {@code amplitude} (a fraction of full scale in (0, 1]).
     */
    public static AudioSource tone(double amplitude, double... frequencies) {
        return new ToneSource(frequencies, amplitude);
    }

    /**
     * Plays a WAV file (16-bit PCM or G.711, mono or stereo, 1 to 192 kHz), once or in a loop. A source played
     * once reports the end by returning false from {@link AudioSource#read}, then sends silence.
     *
     * @throws IOException              if the file cannot be opened
     * @throws IllegalArgumentException if it is not a WAV file Parley can play (the message says why)
     */
    public static AudioSource wavFile(Path path, boolean loop) throws IOException {
        try {
            return new WavFileSource(path, loop);
        } catch (dev.parley.codecs.WavFormatException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    /**
     * A source that passes {@code source}'s audio through and gives a copy of every frame to
     * {@code copy} (to record what a call sends).
     */
    public static AudioSource tap(AudioSource source, AudioSink copy) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(copy, "copy");
        return new AudioSource() {
            @Override
            public boolean read(short[] frame, int sampleRate) {
                boolean more = source.read(frame, sampleRate);
                copy.write(frame, sampleRate);
                return more;
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }
}
