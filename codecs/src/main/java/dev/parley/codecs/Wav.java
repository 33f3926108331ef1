package dev.parley.codecs;

import dev.parley.codecs.WavFormatException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reading and writing mono RIFF WAVE files: 16-bit PCM at 8 or 16 kHz, and G.711 A-law / µ-law
 * (format tags 6 and 7) at 8 kHz. Anything else, and any file whose sizes do not add up, is
 * rejected with a {@link WavFormatException} naming the reason and the offset.
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
        return new Parser(file, off, len).parse();
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
        WavEncoding encoding = audio.encoding();
        boolean pcm = encoding == WavEncoding.PCM_16;
        int fmtSize = pcm ? 16 : 18;                 // non-PCM formats carry cbSize = 0
        int factSize = pcm ? 0 : 12;                 // and a fact chunk with the sample count
        int dataSize = audio.data().length;
        int pad = dataSize & 1;
        byte[] out = new byte[12 + 8 + fmtSize + factSize + 8 + dataSize + pad];
        int p = 0;
        p = ascii(out, p, "RIFF");
        p = u32(out, p, out.length - 8);
        p = ascii(out, p, "WAVE");
        p = ascii(out, p, "fmt ");
        p = u32(out, p, fmtSize);
        p = u16(out, p, encoding.formatTag());
        p = u16(out, p, 1);
        p = u32(out, p, audio.sampleRate());
        p = u32(out, p, audio.sampleRate() * encoding.bytesPerSample());
        p = u16(out, p, encoding.bytesPerSample());
        p = u16(out, p, encoding.bitsPerSample());
        if (!pcm) {
            p = u16(out, p, 0);
            p = ascii(out, p, "fact");
            p = u32(out, p, 4);
            p = u32(out, p, audio.sampleCount());
        }
        p = ascii(out, p, "data");
        p = u32(out, p, dataSize);
        System.arraycopy(audio.data(), 0, out, p, dataSize);
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

    /** One parse of one file. */
    private static final class Parser {
        private final byte[] b;
        private final int base;
        private final int len;
        private WavEncoding encoding;
        private int rate;

        Parser(byte[] b, int base, int len) {
            this.b = b;
            this.base = base;
            this.len = len;
        }

        WavAudio parse() {
            if (len < 4 || !id(0, "RIFF")) {
                throw error(len < 4 ? Reason.TRUNCATED : Reason.NOT_RIFF, 0, "no RIFF header");
            }
            if (len < 12) {
                throw error(Reason.TRUNCATED, len, "file ends inside the RIFF header");
            }
            long riffSize = u32(4);
            if (riffSize > len - 8) {
                throw error(Reason.LYING_SIZE, 4, "RIFF size " + riffSize + " but only " + (len - 8) + " bytes follow");
            }
            if (!id(8, "WAVE")) {
                throw error(Reason.NOT_WAVE, 8, "form type is not WAVE");
            }
            // Lenient: bytes after the end of the RIFF chunk are ignored.
            int end = (int) (8 + riffSize);
            int pos = 12;
            byte[] data = null;
            while (pos < end) {
                if (end - pos < 8) {
                    throw error(Reason.TRUNCATED, pos, "chunk header cut short");
                }
                long size = u32(pos + 4);
                if (size > end - pos - 8) {
                    throw error(Reason.LYING_SIZE, pos + 4, "chunk size " + size + " but only " + (end - pos - 8) + " bytes remain");
                }
                int body = pos + 8;
                if (id(pos, "fmt ")) {
                    format(body, (int) size);
                } else if (id(pos, "data") && data == null) {
                    if (encoding == null) {
                        throw error(Reason.MISSING_FORMAT, pos, "data chunk before any fmt chunk");
                    }
                    if (size % encoding.bytesPerSample() != 0) {
                        throw error(Reason.PARTIAL_SAMPLE, pos + 4, "data size " + size + " is not a whole number of samples");
                    }
                    data = Arrays.copyOfRange(b, base + body, base + body + (int) size);
                }
                // RIFF: chunks are padded to an even length. Lenient: a missing final pad byte is accepted.
                pos = (int) Math.min(end, body + size + (size & 1));
            }
            if (encoding == null) {
                throw error(Reason.MISSING_FORMAT, pos, "no fmt chunk");
            }
            if (data == null) {
                throw error(Reason.MISSING_DATA, pos, "no data chunk");
            }
            return new WavAudio(encoding, rate, data);
        }

        private void format(int body, int size) {
            if (encoding != null) {
                throw error(Reason.INCONSISTENT_FORMAT, body - 8, "second fmt chunk");
            }
            if (size < 16) {
                throw error(Reason.TRUNCATED, body - 4, "fmt chunk of " + size + " bytes, at least 16 needed");
            }
            int tag = u16(body);
            int channels = u16(body + 2);
            long sampleRate = u32(body + 4);
            long byteRate = u32(body + 8);
            int blockAlign = u16(body + 12);
            int bits = u16(body + 14);
            WavEncoding found = null;
            for (WavEncoding e : WavEncoding.values()) {
                if (e.formatTag() == tag) {
                    found = e;
                }
            }
            if (found == null) {
                throw error(Reason.UNSUPPORTED_ENCODING, body, "format tag 0x" + Integer.toHexString(tag));
            }
            if (channels != 1) {
                throw error(Reason.UNSUPPORTED_CHANNELS, body + 2, channels + " channels");
            }
            if (bits != found.bitsPerSample()) {
                throw error(Reason.UNSUPPORTED_BITS, body + 14, bits + " bits per sample for " + found);
            }
            if (sampleRate != 8000 && (sampleRate != 16000 || found != WavEncoding.PCM_16)) {
                throw error(Reason.UNSUPPORTED_RATE, body + 4, sampleRate + " Hz for " + found);
            }
            if (blockAlign != found.bytesPerSample()) {
                throw error(Reason.INCONSISTENT_FORMAT, body + 12, "block align " + blockAlign);
            }
            if (byteRate != sampleRate * blockAlign) {
                throw error(Reason.INCONSISTENT_FORMAT, body + 8, "byte rate " + byteRate + " for " + sampleRate + " Hz");
            }
            encoding = found;
            rate = (int) sampleRate;
        }

        private boolean id(int p, String id) {
            for (int i = 0; i < 4; i++) {
                if (b[base + p + i] != id.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private int u16(int p) {
            return (b[base + p] & 0xFF) | (b[base + p + 1] & 0xFF) << 8;
        }

        private long u32(int p) {
            return (u16(p) | (long) u16(p + 2) << 16);
        }

        private WavFormatException error(Reason reason, long offset, String detail) {
            return new WavFormatException(reason, offset, detail);
        }
    }
}
