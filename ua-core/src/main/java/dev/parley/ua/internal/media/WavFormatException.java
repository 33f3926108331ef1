package dev.parley.ua.internal.media;

/**
 * The one exception {@link WavHeader#read} throws for a file it cannot play: unchecked, with the
 * byte offset and a reason, and without a stack trace (bad files are an input problem, not a bug).
 */
public final class WavFormatException extends RuntimeException {

    /** What is wrong with the file. */
    public enum Reason {
        /** Not a RIFF/WAVE file, or the file ends inside a header. */
        NOT_WAVE,
        /** A chunk header is inconsistent (a negative size, too many chunks before the data). */
        BAD_CHUNK,
        /** No {@code fmt } chunk before the {@code data} chunk, or no {@code data} chunk. */
        MISSING_CHUNK,
        /** A valid WAVE file in a format Parley does not play (only 16-bit PCM, 1 or 2 channels). */
        UNSUPPORTED_FORMAT
    }

    private final long offset;
    private final Reason reason;

    public WavFormatException(long offset, Reason reason, String detail) {
        super(reason + " at byte " + offset + ": " + detail, null, false, false);
        this.offset = offset;
        this.reason = reason;
    }

    public long offset() {
        return offset;
    }

    public Reason reason() {
        return reason;
    }
}
