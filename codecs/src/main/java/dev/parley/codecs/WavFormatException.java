package dev.parley.codecs;

/**
 * The one error WAV reading ({@link Wav}, {@link WavReader}) throws: what is wrong and the byte
 * offset where it was found.
 * Created without a stack trace, so rejecting a flood of bad files stays cheap.
 */
public final class WavFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What made the file unacceptable. */
    public enum Reason {
        /** The file ends inside a header or chunk header. */
        TRUNCATED,
        /** The first four bytes are not {@code RIFF}. */
        NOT_RIFF,
        /** The RIFF form type is not {@code WAVE}. */
        NOT_WAVE,
        /** A size field claims more bytes than the file holds. */
        LYING_SIZE,
        /** No {@code fmt } chunk before the {@code data} chunk. */
        MISSING_FORMAT,
        /** No {@code data} chunk. */
        MISSING_DATA,
        /** A format tag other than PCM (1), A-law (6) or µ-law (7), e.g. WAVE_FORMAT_EXTENSIBLE. */
        UNSUPPORTED_ENCODING,
        /** More channels than the reader takes (whole files: 1; streaming: 1 or 2). */
        UNSUPPORTED_CHANNELS,
        /** Whole files: a rate other than 8000 or 16000 Hz (8000 only for G.711); streaming: outside 1–192 kHz. */
        UNSUPPORTED_RATE,
        /** Bits per sample other than 16 (PCM) or 8 (G.711). */
        UNSUPPORTED_BITS,
        /** Block alignment or byte rate that disagree with the rest of the format. */
        INCONSISTENT_FORMAT,
        /** A data chunk that is not a whole number of samples. */
        PARTIAL_SAMPLE,
        /** Larger than the caller's limit. */
        TOO_LARGE,
        /** More chunks before the {@code data} chunk than a reader looks through. */
        TOO_MANY_CHUNKS,
    }

    private final Reason reason;
    private final long offset;

    public WavFormatException(Reason reason, long offset, String detail) {
        super(reason + " at byte " + offset + ": " + detail, null, false, false);
        this.reason = reason;
        this.offset = offset;
    }

    public Reason reason() {
        return reason;
    }

    /** Byte offset in the file where the problem was found. */
    public long offset() {
        return offset;
    }
}
