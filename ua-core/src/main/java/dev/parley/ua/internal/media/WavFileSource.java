package dev.parley.ua.internal.media;

import dev.parley.ua.AudioSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Plays a 16-bit PCM WAV file, once or in a loop, resampled to the rate the call asks for and
 * mixed down to mono. Reads the file a frame at a time through reusable buffers, so a long prompt
 * costs no memory and nothing is allocated per frame.
 */
public final class WavFileSource implements AudioSource {

    private final FileChannel file;
    private final WavHeader header;
    private final boolean loop;
    private final ByteBuffer bytes;
    private final short[] mono;
    private Resampler resampler;
    private long position;
    private boolean finished;

    /** Opens {@code path}; throws {@link WavFormatException} for a file it cannot play. */
    public WavFileSource(Path path, boolean loop) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            this.header = WavHeader.read(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        this.file = channel;
        this.loop = loop;
        // Enough input for one 20 ms output frame at any rate, plus the resampler's one-sample lookahead.
        int maxInput = header.sampleRate() / 50 + 2;
        this.bytes = ByteBuffer.allocateDirect(maxInput * header.blockAlign()).order(ByteOrder.LITTLE_ENDIAN);
        this.mono = new short[maxInput];
        this.finished = header.dataLength() == 0;
    }

    /** The file's own sample rate. */
    public int fileSampleRate() {
        return header.sampleRate();
    }

    @Override
    public boolean read(short[] frame, int sampleRate) {
        int n = AudioSource.frameSamples(sampleRate);
        if (!loop && position >= header.dataLength()) {
            finished = true;
        }
        if (finished) {
            Arrays.fill(frame, 0, n, (short) 0);
            return false;
        }
        if (header.sampleRate() == sampleRate) {
            readMono(frame, n);
        } else {
            if (resampler == null || resampler.outRate() != sampleRate) {
                resampler = new Resampler(header.sampleRate(), sampleRate);
            }
            int needed = Math.min(resampler.inputNeeded(n), mono.length);
            readMono(mono, needed);
            resampler.process(mono, 0, frame, 0, n);
        }
        return true;
    }

    /** Reads {@code count} mono samples into {@code out}, wrapping or padding with silence at the end. */
    private void readMono(short[] out, int count) {
        int done = 0;
        try {
            while (done < count) {
                long remaining = header.dataLength() - position;
                if (remaining <= 0) {
                    if (!loop) {
                        finished = true;
                        Arrays.fill(out, done, count, (short) 0);
                        return;
                    }
                    position = 0;
                    remaining = header.dataLength();
                }
                int frames = (int) Math.min(count - done, remaining / header.blockAlign());
                bytes.clear().limit(frames * header.blockAlign());
                while (bytes.hasRemaining()) {
                    if (file.read(bytes, header.dataOffset() + position + bytes.position()) < 0) {
                        throw new IOException("file shrank while playing");
                    }
                }
                bytes.flip();
                for (int i = 0; i < frames; i++) {
                    out[done + i] = header.channels() == 1 ? bytes.getShort()
                            : (short) ((bytes.getShort() + bytes.getShort()) >> 1);
                }
                done += frames;
                position += (long) frames * header.blockAlign();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
