package dev.parley.ua.internal.media;

import dev.parley.ua.AudioSink;
import dev.parley.ua.AudioSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Records frames into a 16-bit mono PCM WAV file at a fixed sample rate, resampling frames that
 * arrive at another rate. The RIFF and data sizes are written when the sink is closed; a file cut
 * short by a crash still plays in readers that treat a zero data size as "to the end".
 */
public final class WavFileSink implements AudioSink {

    private static final int HEADER_BYTES = 44;
    /** RIFF sizes are 32-bit: stop recording before the file outgrows them (about 37 hours at 16 kHz). */
    private static final long MAX_DATA_BYTES = 0xFFFF_FFFFL - HEADER_BYTES;

    private final FileChannel file;
    private final int sampleRate;
    private final ByteBuffer bytes;
    private final short[] converted;
    private Resampler resampler;
    private short[] pending;
    private int pendingCount;
    private long dataBytes;
    private boolean closed;

    public WavFileSink(Path path, int sampleRate) throws IOException {
        AudioSource.frameSamples(sampleRate); // validates the rate
        this.sampleRate = sampleRate;
        this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.bytes = ByteBuffer.allocateDirect(4 * sampleRate / 50 + 64).order(ByteOrder.LITTLE_ENDIAN);
        this.converted = new short[sampleRate / 50 + 4];
        writeHeader();
    }

    @Override
    public void write(short[] frame, int frameRate) {
        if (closed) {
            return;
        }
        int n = AudioSource.frameSamples(frameRate);
        if (frameRate == sampleRate) {
            append(frame, n);
            return;
        }
        if (resampler == null || resampler.inRate() != frameRate) {
            resampler = new Resampler(frameRate, sampleRate);
            pending = new short[n + frameRate / sampleRate + 8]; // a frame plus the leftover of one
            pendingCount = 0;
        }
        // Queue the frame, then emit every output sample the queued input allows; the one or two
        // input samples not yet usable stay queued for the next frame, so the stream stays continuous.
        System.arraycopy(frame, 0, pending, pendingCount, n);
        pendingCount += n;
        int out = Math.min(converted.length, (int) ((long) pendingCount * sampleRate / frameRate) + 1);
        while (out > 0 && resampler.inputNeeded(out) > pendingCount) {
            out--;
        }
        int used = resampler.inputNeeded(out);
        resampler.process(pending, 0, converted, 0, out);
        append(converted, out);
        System.arraycopy(pending, used, pending, 0, pendingCount - used);
        pendingCount -= used;
    }

    private void append(short[] samples, int count) {
        if (dataBytes + 2L * count > MAX_DATA_BYTES) {
            return;
        }
        bytes.clear();
        for (int i = 0; i < count; i++) {
            bytes.putShort(samples[i]);
        }
        bytes.flip();
        try {
            while (bytes.hasRemaining()) {
                file.write(bytes, HEADER_BYTES + dataBytes + bytes.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dataBytes += 2L * count;
    }

    private void writeHeader() throws IOException {
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(WavHeader.fourCc("RIFF")).putInt((int) (36 + dataBytes)).putInt(WavHeader.fourCc("WAVE"));
        h.putInt(WavHeader.fourCc("fmt ")).putInt(16);
        h.putShort((short) WavHeader.FORMAT_PCM).putShort((short) 1).putInt(sampleRate)
                .putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        h.putInt(WavHeader.fourCc("data")).putInt((int) dataBytes);
        h.flip();
        while (h.hasRemaining()) {
            file.write(h, h.position());
        }
    }

    /** Writes the final sizes and closes the file. Frames written after this are ignored. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (file) {
            writeHeader();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
