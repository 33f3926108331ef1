package dev.parley.ua.internal.media;

import dev.parley.codecs.Resampler;
import dev.parley.codecs.WavWriter;
import dev.parley.ua.AudioSink;
import dev.parley.ua.AudioSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Records frames into a 16-bit mono PCM WAV file at a fixed sample rate through module
 * {@code codecs}' {@link WavWriter}, converting frames that arrive at another rate with its
 * {@link Resampler}. The sizes are written when the sink is closed; a file cut short by a crash
 * still plays in readers that treat a zero data size as "to the end".
 */
public final class WavFileSink implements AudioSink {

    private final WavWriter writer;
    private Resampler resampler;
    private short[] converted;

    public WavFileSink(Path path, int sampleRate) throws IOException {
        AudioSource.frameSamples(sampleRate); // validates the rate
        this.writer = WavWriter.create(path, sampleRate);
    }

    @Override
    public void write(short[] frame, int frameRate) {
        int n = AudioSource.frameSamples(frameRate);
        try {
            if (frameRate == writer.sampleRate()) {
                writer.write(frame, 0, n);
                return;
            }
            if (resampler == null || resampler.inRate() != frameRate) {
                resampler = Resampler.between(frameRate, writer.sampleRate());
                converted = new short[resampler.outputLength(n)];
            }
            // The resampler keeps its history, so consecutive frames join into one continuous stream.
            int made = resampler.process(frame, 0, n, converted, 0);
            writer.write(converted, 0, made);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the final sizes and closes the file. Frames written after this are ignored. */
    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
