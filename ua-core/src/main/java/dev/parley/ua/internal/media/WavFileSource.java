package dev.parley.ua.internal.media;

import dev.parley.codecs.Resampler;
import dev.parley.codecs.WavReader;
import dev.parley.ua.AudioSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Plays a WAV file, once or in a loop, at the rate the call asks for: module {@code codecs}'
 * {@link WavReader} streams it (mixed down to mono) and its {@link Resampler} converts the rate.
 * Nothing is allocated per frame; a long prompt costs no memory.
 */
public final class WavFileSource implements AudioSource {

    private final WavReader reader;
    private final int fileRate;
    private final boolean loop;
    /** File samples for one call-rate frame, plus one to complete a pair for the 16 → 8 kHz filter. */
    private final short[] input;
    private Resampler resampler;
    /** Resampled samples; the first {@link #spill} are carried over to the next frame. */
    private short[] converted;
    private int spill;
    private boolean finished;

    /** Opens {@code path}; throws {@link dev.parley.codecs.WavFormatException} for a file it cannot play. */
    public WavFileSource(Path path, boolean loop) throws IOException {
        this.reader = WavReader.open(path);
        this.fileRate = reader.header().sampleRate();
        this.loop = loop;
        this.input = new short[fileRate / 50 + 2];
        this.finished = reader.header().dataLength() == 0;
    }

    /** The file's own sample rate. */
    public int fileSampleRate() {
        return fileRate;
    }

    @Override
    public boolean read(short[] frame, int sampleRate) {
        int n = AudioSource.frameSamples(sampleRate);
        if (!loop && spill == 0 && reader.remainingFrames() == 0) {
            finished = true;
        }
        if (finished) {
            Arrays.fill(frame, 0, n, (short) 0);
            return false;
        }
        try {
            if (fileRate == sampleRate) {
                int got = readFile(frame, n);
                Arrays.fill(frame, got, n, (short) 0);
            } else {
                resample(frame, n, sampleRate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    private void resample(short[] frame, int n, int sampleRate) throws IOException {
        if (resampler == null || resampler.outRate() != sampleRate) {
            resampler = Resampler.between(fileRate, sampleRate);
            converted = new short[n + resampler.outputLength(input.length)];
            spill = 0;
        }
        while (spill < n) {
            int wanted = (int) Math.min(input.length - 1, ((long) (n - spill) * fileRate + sampleRate - 1) / sampleRate);
            int got = readFile(input, Math.max(1, wanted));
            if (got == 0) {
                break; // the end of a file played once
            }
            if (fileRate == 16000 && sampleRate == 8000 && (got & 1) != 0) {
                input[got++] = 0; // the half-band filter takes pairs: pad the file's last sample
            }
            spill += resampler.process(input, 0, got, converted, spill);
        }
        int copied = Math.min(spill, n);
        System.arraycopy(converted, 0, frame, 0, copied);
        Arrays.fill(frame, copied, n, (short) 0);
        System.arraycopy(converted, copied, converted, 0, spill - copied);
        spill -= copied;
    }

    /** Reads up to {@code count} samples, starting again at the first sample when looping. */
    private int readFile(short[] out, int count) throws IOException {
        int got = 0;
        while (got < count) {
            int r = reader.read(out, got, count - got);
            if (r == 0) {
                if (!loop) {
                    break;
                }
                reader.rewind();
            }
            got += r;
        }
        return got;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
