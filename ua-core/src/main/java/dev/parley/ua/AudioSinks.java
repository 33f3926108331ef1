package dev.parley.ua;

import dev.parley.ua.internal.media.FrameMixer;
import dev.parley.ua.internal.media.NullSink;
import dev.parley.ua.internal.media.WavFileSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Ready-made {@link AudioSink}s.
 *
 * <pre>{@code
 * call.audioSink(AudioSinks.wavFile(Path.of("heard.wav"), 16000));
 * MixedRecording both = AudioSinks.mixedWavFile(Path.of("call.wav"), 16000);
 * call.audioSource(AudioSources.tap(AudioSources.silence(), both.sent()));
 * call.audioSink(both.received());
 * }</pre>
 */
public final class AudioSinks {

    private AudioSinks() {
    }

    /** Discards everything. */
    public static AudioSink discard() {
        return new NullSink();
    }

    /**
     * Records into a 16-bit mono PCM WAV file at {@code sampleRate} Hz (frames at other rates are
     * resampled). Close the sink to complete the file.
     */
    public static AudioSink wavFile(Path path, int sampleRate) throws IOException {
        return new WavFileSink(path, sampleRate);
    }

    /** Gives every frame to each of {@code sinks}, in order; closing it closes them all. */
    public static AudioSink tee(AudioSink... sinks) {
        List<AudioSink> all = List.of(sinks);
        return new AudioSink() {
            @Override
            public void write(short[] frame, int sampleRate) {
                for (AudioSink s : all) {
                    s.write(frame, sampleRate);
                }
            }

            @Override
            public void close() {
                for (AudioSink s : all) {
                    s.close();
                }
            }
        };
    }

    /** Records both directions of a call, mixed, into one WAV file at {@code sampleRate} Hz. */
    public static MixedRecording mixedWavFile(Path path, int sampleRate) throws IOException {
        FrameMixer mixer = new FrameMixer(new WavFileSink(path, sampleRate), 48_000);
        AudioSink sent = mixer.direction(0);
        AudioSink received = mixer.direction(1);
        return new MixedRecording() {
            @Override
            public AudioSink sent() {
                return sent;
            }

            @Override
            public AudioSink received() {
                return received;
            }

            @Override
            public void close() {
                mixer.close();
            }
        };
    }
}
