package dev.parley.codecs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends 16-bit mono PCM samples to a WAV file as they come, through one buffer of
 * {@value #BUFFER_SAMPLES} samples (nothing allocated per write). The header, the same canonical
 * 44 bytes {@link Wav#toBytes} writes, is written first with a data size of 0 and rewritten with
 * the real sizes on {@link #close}; a file cut short by a crash still plays in {@link WavReader},
 * which reads a zero data size as "to the end".
 *
 * <p>For one thread at a time.
 */
public final class WavWriter implements Closeable {

    static final int BUFFER_SAMPLES = 1024;
    /** RIFF sizes are 32-bit: samples that would make the file outgrow them are dropped (about 37 hours at 16 kHz). */
    static final long MAX_DATA_BYTES = 0xFFFF_FFFFL - 44;

    private final FileChannel file;
    private final int sampleRate;
    private final int headerBytes;
    private final ByteBuffer bytes = ByteBuffer.allocate(2 * BUFFER_SAMPLES).order(ByteOrder.LITTLE_ENDIAN);
    private long dataBytes;
    private boolean closed;

    private WavWriter(FileChannel file, int sampleRate) throws IOException {
        this.file = file;
        this.sampleRate = sampleRate;
        this.headerBytes = writeHeader();
    }

    /** Creates (or truncates) {@code path} for {@code sampleRate} Hz audio, 1 to 192 kHz. */
    public static WavWriter create(Path path, int sampleRate) throws IOException {
        if (sampleRate < 1000 || sampleRate > 192_000) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is outside 1–192 kHz");
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            return new WavWriter(channel, sampleRate);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Samples written so far. */
    public long samplesWritten() {
        return dataBytes / 2;
    }

    /**
     * Appends {@code count} samples from {@code in[off…]}.
     *
     * @return false if they were dropped: the writer is closed or the file is at its 4 GiB limit
     */
    public boolean write(short[] in, int off, int count) throws IOException {
        java.util.Objects.checkFromIndexSize(off, count, in.length);
        if (closed || dataBytes + 2L * count > MAX_DATA_BYTES) {
            return false;
        }
        for (int done = 0; done < count; ) {
            int n = Math.min(count - done, BUFFER_SAMPLES);
            bytes.clear();
            for (int i = 0; i < n; i++) {
                bytes.putShort(in[off + done + i]);
            }
            bytes.flip();
            while (bytes.hasRemaining()) {
                file.write(bytes, headerBytes + dataBytes + bytes.position());
            }
            dataBytes += 2L * n;
            done += n;
        }
        return true;
    }

    private int writeHeader() throws IOException {
        ByteBuffer h = ByteBuffer.wrap(Wav.header(WavEncoding.PCM_16, sampleRate, dataBytes));
        while (h.hasRemaining()) {
            file.write(h, h.position());
        }
        return h.capacity();
    }

    /** Writes the final RIFF and data sizes and closes the file. Writes after this are dropped. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (file) {
            writeHeader();
        }
    }
}
