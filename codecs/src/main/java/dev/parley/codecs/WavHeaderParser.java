package dev.parley.codecs;

import dev.parley.codecs.WavFormatException.Reason;
import java.io.IOException;

/**
 * The one RIFF/WAVE header parser, for whole files in memory and for files streamed from disk.
 * It reads chunk headers by position, never the sample data, and stops at the {@code data} chunk.
 *
 * <pre>
 * "RIFF" size:u32le "WAVE"                       RIFF header; size counts from "WAVE" on
 *   "fmt " 16|18|40 tag:u16 channels:u16 rate:u32 byteRate:u32 blockAlign:u16 bits:u16
 *                   [cbSize:u16 validBits:u16 channelMask:u32 subFormat:GUID]   (extensible)
 *   other chunks    (LIST, fact, cue …) skipped, at most {@value #MAX_CHUNKS} of them
 *   "data" size     samples                       chunks are padded to an even length
 * </pre>
 */
final class WavHeaderParser {

    /** WAVE_FORMAT_EXTENSIBLE: the real format tag is the first two bytes of the sub-format GUID. */
    static final int FORMAT_EXTENSIBLE = 0xFFFE;
    /** Chunks read before {@code data} are bounded so that a crafted file cannot make us loop long. */
    static final int MAX_CHUNKS = 64;

    /** Positional reads over the file's bytes. */
    interface Input {
        /** Total size in bytes. */
        long size() throws IOException;

        /** Reads exactly {@code length} bytes at {@code position} into {@code dst[0…)}. */
        void read(long position, byte[] dst, int length) throws IOException;
    }

    /** What a caller accepts: the whole-file API is for telephone audio, streaming for any voice file. */
    enum Rules {
        /** {@link Wav#parse}: mono, 8/16 kHz (G.711 8 kHz only), every size must add up. */
        WHOLE_FILE(1, true),
        /** {@link WavReader}: mono or stereo, 1–192 kHz; sizes of an unfinished recording tolerated. */
        STREAMING(2, false);

        final int maxChannels;
        final boolean strict;

        Rules(int maxChannels, boolean strict) {
            this.maxChannels = maxChannels;
            this.strict = strict;
        }

        boolean rateSupported(long rate, WavEncoding encoding) {
            if (strict) {
                return rate == 8000 || rate == 16000 && encoding == WavEncoding.PCM_16;
            }
            return rate >= 1000 && rate <= 192_000;
        }
    }

    private final Input in;
    private final Rules rules;
    private final byte[] b = new byte[40];

    private WavHeaderParser(Input in, Rules rules) {
        this.in = in;
        this.rules = rules;
    }

    /** Parses the header; throws {@link WavFormatException} for a file the rules do not accept. */
    static WavHeader parse(Input in, Rules rules) throws IOException {
        return new WavHeaderParser(in, rules).parse();
    }

    private WavHeader parse() throws IOException {
        long size = in.size();
        if (size < 4) {
            throw new WavFormatException(Reason.TRUNCATED, 0, "no RIFF header");
        }
        in.read(0, b, 4);
        if (!id(0, "RIFF")) {
            throw new WavFormatException(Reason.NOT_RIFF, 0, "no RIFF header");
        }
        if (size < 12) {
            throw new WavFormatException(Reason.TRUNCATED, size, "file ends inside the RIFF header");
        }
        in.read(0, b, 12);
        long riffSize = u32(4);
        if (rules.strict && riffSize > size - 8) {
            throw new WavFormatException(Reason.LYING_SIZE, 4, "RIFF size " + riffSize + " but only " + (size - 8) + " bytes follow");
        }
        if (!id(8, "WAVE")) {
            throw new WavFormatException(Reason.NOT_WAVE, 8, "form type is not WAVE");
        }
        // Lenient: bytes after the end of the RIFF chunk are ignored. A recording still being
        // written (or cut short by a crash) has a RIFF size too small: streaming reads to the file's end.
        long end = rules.strict ? 8 + riffSize : size;
        long pos = 12;
        Format format = null;
        for (int chunk = 0; pos < end; chunk++) {
            if (chunk == MAX_CHUNKS) {
                throw new WavFormatException(Reason.TOO_MANY_CHUNKS, pos, "more than " + MAX_CHUNKS + " chunks before data");
            }
            if (end - pos < 8) {
                throw new WavFormatException(Reason.TRUNCATED, pos, "chunk header cut short");
            }
            in.read(pos, b, 8);
            long length = u32(4);
            long body = pos + 8;
            boolean data = id(0, "data");
            if (data && format == null) {
                throw new WavFormatException(Reason.MISSING_FORMAT, pos, "data chunk before any fmt chunk");
            }
            if (data) {
                return dataChunk(format, pos, length, end);
            }
            if (length > end - body && (rules.strict || id(0, "fmt "))) {
                throw new WavFormatException(Reason.LYING_SIZE, pos + 4, "chunk size " + length + " but only " + (end - body) + " bytes remain");
            }
            if (id(0, "fmt ")) {
                if (format != null) {
                    throw new WavFormatException(Reason.INCONSISTENT_FORMAT, pos, "second fmt chunk");
                }
                format = format(body, length);
            }
            // RIFF: chunks are padded to an even length. Lenient: a missing final pad byte is accepted.
            pos = body + length + (length & 1);
        }
        if (format == null) {
            throw new WavFormatException(Reason.MISSING_FORMAT, pos, "no fmt chunk");
        }
        throw new WavFormatException(Reason.MISSING_DATA, Math.min(pos, end), "no data chunk");
    }

    private WavHeader dataChunk(Format format, long pos, long length, long end) {
        long body = pos + 8;
        long available = Math.max(0, end - body);
        int blockAlign = format.channels * format.encoding.bytesPerSample();
        if (rules.strict) {
            if (length > available) {
                throw new WavFormatException(Reason.LYING_SIZE, pos + 4, "data size " + length + " but only " + available + " bytes remain");
            }
            if (length % blockAlign != 0) {
                throw new WavFormatException(Reason.PARTIAL_SAMPLE, pos + 4, "data size " + length + " is not a whole number of samples");
            }
            return new WavHeader(format.encoding, format.channels, format.rate, body, length);
        }
        // Lenient: streamed recordings write a data size of 0 or 0xFFFFFFFF, meaning "to the end";
        // a size beyond the file's end is cut to it, and a partial last frame is dropped.
        long usable = length == 0 ? available : Math.min(length, available);
        return new WavHeader(format.encoding, format.channels, format.rate, body, usable - usable % blockAlign);
    }

    private record Format(WavEncoding encoding, int channels, int rate) {
    }

    private Format format(long body, long size) throws IOException {
        if (size < 16) {
            throw new WavFormatException(Reason.TRUNCATED, body - 4, "fmt chunk of " + size + " bytes, at least 16 needed");
        }
        in.read(body, b, (int) Math.min(size, b.length));
        int tag = u16(0);
        if (tag == FORMAT_EXTENSIBLE && size >= 26) {
            tag = u16(24);
        }
        int channels = u16(2);
        long rate = u32(4);
        long byteRate = u32(8);
        int blockAlign = u16(12);
        int bits = u16(14);
        WavEncoding found = null;
        for (WavEncoding e : WavEncoding.values()) {
            if (e.formatTag() == tag) {
                found = e;
            }
        }
        if (found == null) {
            throw new WavFormatException(Reason.UNSUPPORTED_ENCODING, body, "format tag 0x" + Integer.toHexString(tag));
        }
        if (channels < 1 || channels > rules.maxChannels) {
            throw new WavFormatException(Reason.UNSUPPORTED_CHANNELS, body + 2, channels + " channels");
        }
        if (bits != found.bitsPerSample()) {
            throw new WavFormatException(Reason.UNSUPPORTED_BITS, body + 14, bits + " bits per sample for " + found);
        }
        if (!rules.rateSupported(rate, found)) {
            throw new WavFormatException(Reason.UNSUPPORTED_RATE, body + 4, rate + " Hz for " + found);
        }
        if (blockAlign != channels * found.bytesPerSample()) {
            throw new WavFormatException(Reason.INCONSISTENT_FORMAT, body + 12, "block align " + blockAlign);
        }
        // Lenient (streaming): a wrong byte rate does not stop a file from playing.
        if (rules.strict && byteRate != rate * blockAlign) {
            throw new WavFormatException(Reason.INCONSISTENT_FORMAT, body + 8, "byte rate " + byteRate + " for " + rate + " Hz");
        }
        return new Format(found, channels, (int) rate);
    }

    private boolean id(int p, String id) {
        for (int i = 0; i < 4; i++) {
            if (b[p + i] != id.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int u16(int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private long u32(int p) {
        return u16(p) | (long) u16(p + 2) << 16;
    }
}
