package dev.parley.ua.internal.media;

import dev.parley.ua.internal.media.WavFormatException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * The parts of a RIFF/WAVE header that playback needs: 16-bit little-endian PCM, mono or stereo,
 * any sample rate, and where the samples are.
 *
 * <pre>
 * "RIFF" size "WAVE" { chunk-id(4) chunk-size(4, LE) payload [pad byte if size is odd] }*
 * fmt  : format-tag(2) channels(2) sample-rate(4) byte-rate(4) block-align(2) bits(2) [extension]
 * data : interleaved samples
 * </pre>
 *
 * @param sampleRate samples per second per channel
 * @param channels   1 or 2
 * @param dataOffset file offset of the first sample
 * @param dataLength bytes of samples (a whole number of frames)
 */
public record WavHeader(int sampleRate, int channels, long dataOffset, long dataLength) {

    /** WAVE_FORMAT_PCM. */
    static final int FORMAT_PCM = 1;
    /** WAVE_FORMAT_EXTENSIBLE, whose sub-format GUID then starts with the real format tag. */
    static final int FORMAT_EXTENSIBLE = 0xFFFE;
    /** Chunks skipped before {@code data} (LIST, fact, cue…) are bounded so a crafted file cannot loop long. */
    static final int MAX_CHUNKS = 64;

    /** Bytes per frame of all channels. */
    public int blockAlign() {
        return 2 * channels;
    }

    /** Reads the header from the start of {@code file}. */
    public static WavHeader read(FileChannel file) throws IOException {
        long size = file.size();
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        readFully(file, b, 0, 12);
        if (b.getInt(0) != fourCc("RIFF") || b.getInt(8) != fourCc("WAVE")) {
            throw new WavFormatException(0, Reason.NOT_WAVE, "no RIFF/WAVE signature");
        }
        long pos = 12;
        int sampleRate = 0;
        int channels = 0;
        for (int chunk = 0; chunk < MAX_CHUNKS && pos + 8 <= size; chunk++) {
            readFully(file, b, pos, 8);
            int id = b.getInt(0);
            long length = Integer.toUnsignedLong(b.getInt(4));
            long payload = pos + 8;
            if (id == fourCc("fmt ")) {
                if (length < 16) {
                    throw new WavFormatException(pos, Reason.BAD_CHUNK, "fmt chunk of " + length + " bytes");
                }
                readFully(file, b, payload, (int) Math.min(length, 40));
                int tag = b.getShort(0) & 0xFFFF;
                if (tag == FORMAT_EXTENSIBLE && length >= 26) {
                    tag = b.getShort(24) & 0xFFFF; // first two bytes of the sub-format GUID
                }
                channels = b.getShort(2) & 0xFFFF;
                sampleRate = b.getInt(4);
                int bits = b.getShort(14) & 0xFFFF;
                if (tag != FORMAT_PCM || bits != 16 || channels < 1 || channels > 2
                        || sampleRate < 1000 || sampleRate > 192_000) {
                    throw new WavFormatException(payload, Reason.UNSUPPORTED_FORMAT, "format " + tag + ", "
                            + bits + " bits, " + channels + " channels, " + sampleRate + " Hz");
                }
            } else if (id == fourCc("data")) {
                if (channels == 0) {
                    throw new WavFormatException(pos, Reason.MISSING_CHUNK, "data chunk before fmt chunk");
                }
                // Lenient: a data size larger than the file (streamed recordings write 0 or 0xFFFFFFFF) means "to the end".
                long available = Math.max(0, size - payload);
                long usable = Math.min(length == 0 ? available : length, available);
                usable -= usable % (2L * channels);
                return new WavHeader(sampleRate, channels, payload, usable);
            }
            pos = payload + length + (length & 1); // RIFF chunks are padded to an even size
        }
        throw new WavFormatException(pos, Reason.MISSING_CHUNK, "no data chunk");
    }

    private static void readFully(FileChannel file, ByteBuffer b, long position, int length) throws IOException {
        b.clear().limit(length);
        long p = position;
        while (b.hasRemaining()) {
            int n = file.read(b, p);
            if (n < 0) {
                throw new WavFormatException(p, Reason.NOT_WAVE, "file ends inside a header");
            }
            p += n;
        }
    }

    /** A four-character code as a little-endian int, the way {@link ByteBuffer#getInt} reads it. */
    static int fourCc(String code) {
        return (code.charAt(0)) | (code.charAt(1) << 8) | (code.charAt(2) << 16) | (code.charAt(3) << 24);
    }
}
