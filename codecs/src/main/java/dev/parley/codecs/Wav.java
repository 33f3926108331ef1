package dev.parley.codecs;

import dev.parley.codecs.WavFormatException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reading and writing whole mono RIFF WAVE files in memory: 16-bit PCM at 8 or 16 kHz, and G.711
 * A-law / µ-law (format tags 6 and 7) at 8 kHz. Anything else, and any file whose sizes do not add
 * up, is rejected with a {@link WavFormatException} naming the reason and the offset. To play or
 * record a file frame by frame (any rate, stereo read as mono), use {@link WavReader} and
 * {@link WavWriter}; all three share one header parser and one header writer.
 *
 * <pre>
 * "RIFF" size:u32le "WAVE"                       RIFF header; size counts from "WAVE" on
 *   "fmt " 16|18+  tag:u16 channels:u16 rate:u32 byteRate:u32 blockAlign:u16 bits:u16 [cbSize:u16 …]
 *   "fact" 4       sampleCount:u32               (written for G.711, ignored when read)
 *   "data" size    samples                       chunks are padded to an even length
 * </pre>
 */
public final class Wav {

    private Wav() {
    }

    /** Parses a whole WAV file held in memory. */
    public static WavAudio parse(byte[] file) {
        return parse(file, 0, file.length);
    }

    /** Parses the WAV file in {@code file[off … off+len)}. */
    public static WavAudio parse(byte[] file, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, file.length);
        WavHeader header;
        try {
            header = WavHeaderParser.parse(new WavHeaderParser.Input() {
                @Override
                public long size() {
                    return len;
                }

                @Override
                public void read(long position, byte[] dst, int length) {
                    System.arraycopy(file, off + (int) position, dst, 0, length);
                }
            }, WavHeaderParser.Rules.WHOLE_FILE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // unreachable: the input is in memory
        }
        int from = off + (int) header.dataOffset();
        byte[] data = Arrays.copyOfRange(file, from, from + (int) header.dataLength());
        return new WavAudio(header.encoding(), header.sampleRate(), data);
    }

    /** Reads and parses a WAV file of at most {@code maxBytes} bytes. */
    public static WavAudio read(Path path, int maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] file = in.readNBytes(maxBytes);
            if (in.read() >= 0) {
                throw new WavFormatException(Reason.TOO_LARGE, maxBytes, "file is larger than " + maxBytes + " bytes");
            }
            return parse(file);
        }
    }

    /** The bytes of a canonical WAV file holding {@code audio}. */
    public static byte[] toBytes(WavAudio audio) {
        int dataSize = audio.data().length;
        byte[] header = header(audio.encoding(), audio.sampleRate(), dataSize);
        byte[] out = Arrays.copyOf(header, header.length + dataSize + (dataSize & 1));
        System.arraycopy(audio.data(), 0, out, header.length, dataSize);
        return out;
    }

    /**
     * The canonical header of a mono file whose data chunk holds {@code dataSize} bytes: 44 bytes
     * for PCM; for G.711 an 18-byte fmt chunk (cbSize = 0) and a fact chunk with the sample count.
     * Shared by {@link #toBytes} and {@link WavWriter}, which rewrites it with the final size.
     */
    static byte[] header(WavEncoding encoding, int sampleRate, long dataSize) {
        boolean pcm = encoding == WavEncoding.PCM_16;
        int fmtSize = pcm ? 16 : 18;
        int factSize = pcm ? 0 : 12;
        byte[] out = new byte[12 + 8 + fmtSize + factSize + 8];
        int p = 0;
        p = ascii(out, p, "RIFF");
        p = u32(out, p, (int) (out.length - 8 + dataSize + (dataSize & 1)));
        p = ascii(out, p, "WAVE");
        p = ascii(out, p, "fmt ");
        p = u32(out, p, fmtSize);
        p = u16(out, p, encoding.formatTag());
        p = u16(out, p, 1);
        p = u32(out, p, sampleRate);
        p = u32(out, p, sampleRate * encoding.bytesPerSample());
        p = u16(out, p, encoding.bytesPerSample());
        p = u16(out, p, encoding.bitsPerSample());
        if (!pcm) {
            p = u16(out, p, 0);
            p = ascii(out, p, "fact");
            p = u32(out, p, 4);
            p = u32(out, p, (int) (dataSize / encoding.bytesPerSample()));
        }
        p = ascii(out, p, "data");
        u32(out, p, (int) dataSize);
        return out;
    }

    /** Writes {@code audio} as a WAV file. */
    public static void write(Path path, WavAudio audio) throws IOException {
        Files.write(path, toBytes(audio));
    }

    private static int ascii(byte[] out, int p, String id) {
        for (int i = 0; i < 4; i++) {
            out[p + i] = (byte) id.charAt(i);
        }
        return p + 4;
    }

    private static int u16(byte[] out, int p, int v) {
        out[p] = (byte) v;
        out[p + 1] = (byte) (v >> 8);
        return p + 2;
    }

    private static int u32(byte[] out, int p, int v) {
        u16(out, p, v);
        return u16(out, p + 2, v >>> 16);
    }
}
