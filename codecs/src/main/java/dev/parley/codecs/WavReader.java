package dev.parley.codecs;

import dev.parley.codecs.internal.G711;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams the samples of a WAV file from disk as 16-bit mono: 16-bit PCM, G.711 A-law or µ-law,
 * one or two channels (averaged), any rate from 1 to 192 kHz. Reads go through one buffer of
 * {@value #BUFFER_FRAMES} frames, so a long prompt costs no memory and nothing is allocated per read.
 * The header is parsed by the same code as {@link Wav#parse}, with the leniency an unfinished
 * recording needs (sizes of 0 or beyond the end of the file mean "to the end").
 *
 * <p>For one thread at a time.
 */
public final class WavReader implements Closeable {

    static final int BUFFER_FRAMES = 1024;

    private final FileChannel file;
    private final WavHeader header;
    private final ByteBuffer bytes;
    private long position;

    private WavReader(FileChannel file, WavHeader header) {
        this.file = file;
        this.header = header;
        this.bytes = ByteBuffer.allocate(BUFFER_FRAMES * header.blockAlign()).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Opens {@code path} and parses its header.
     *
     * @throws WavFormatException if it is not a WAV file this reader plays (reason and offset)
     */
    public static WavReader open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new WavReader(channel, WavHeaderParser.parse(new ChannelInput(channel), WavHeaderParser.Rules.STREAMING));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public WavHeader header() {
        return header;
    }

    /** Frames not read yet. */
    public long remainingFrames() {
        return (header.dataLength() - position) / header.blockAlign();
    }

    /**
     * Reads up to {@code count} mono samples into {@code out[off…]}.
     *
     * @return the number of samples read: {@code count} unless the data ends first (0 at the end)
     */
    public int read(short[] out, int off, int count) throws IOException {
        java.util.Objects.checkFromIndexSize(off, count, out.length);
        int blockAlign = header.blockAlign();
        int done = 0;
        while (done < count && position < header.dataLength()) {
            int frames = (int) Math.min(Math.min(count - done, BUFFER_FRAMES), remainingFrames());
            bytes.clear().limit(frames * blockAlign);
            while (bytes.hasRemaining()) {
                if (file.read(bytes, header.dataOffset() + position + bytes.position()) < 0) {
                    throw new IOException("the file shrank while it was read");
                }
            }
            bytes.flip();
            for (int i = 0; i < frames; i++) {
                out[off + done + i] = header.channels() == 1 ? sample() : (short) ((sample() + sample()) >> 1);
            }
            done += frames;
            position += (long) frames * blockAlign;
        }
        return done;
    }

    private short sample() {
        return switch (header.encoding()) {
            case PCM_16 -> bytes.getShort();
            case ALAW -> G711.alawToLinear(bytes.get());
            case ULAW -> G711.ulawToLinear(bytes.get());
        };
    }

    /** Goes back to the first sample (to play the file again). */
    public void rewind() {
        position = 0;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    /** The parser's positional reads over a file channel. */
    private record ChannelInput(FileChannel channel) implements WavHeaderParser.Input {
        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public void read(long position, byte[] dst, int length) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(dst, 0, length);
            while (b.hasRemaining()) {
                if (channel.read(b, position + b.position()) < 0) {
                    throw new WavFormatException(WavFormatException.Reason.TRUNCATED, position + b.position(), "file ends inside a header");
                }
            }
        }
    }
}
