package dev.parley.sdp;

/**
 * The one exception the SDP parser throws. It carries the 1-based line number, the byte offset
 * of the offending line, a {@link Reason} and a short excerpt. It is created without a stack
 * trace, so a flood of garbage stays cheap to reject.
 */
public final class SdpParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a description was rejected; each names the RFC 8866 rule that failed. */
    public enum Reason {
        /** No bytes at all. */
        EMPTY,
        /** Larger than {@link SdpLimits#maxBytes()}, or more lines of some kind than the limits allow. */
        TOO_LARGE,
        /** A line that is not {@code <type>=<value>}, or holds NUL or a bare CR (RFC 8866 §5). */
        MALFORMED_LINE,
        /** The first line is not {@code v=} (RFC 8866 §5: v= comes first). */
        MISSING_VERSION,
        /** {@code v=} is not 0 (RFC 8866 §5.1). */
        BAD_VERSION,
        /** No {@code o=} line (RFC 8866 §5.2). */
        MISSING_ORIGIN,
        /** {@code o=} does not have six fields or a numeric version (RFC 8866 §5.2). */
        BAD_ORIGIN,
        /** No {@code s=} line (RFC 8866 §5.3). */
        MISSING_SESSION_NAME,
        /** A line that may appear once per section appears twice. */
        DUPLICATE_LINE,
        /** {@code c=} is not {@code <nettype> <addrtype> <address>} (RFC 8866 §5.7). */
        BAD_CONNECTION,
        /** {@code b=} is not {@code <bwtype>:<number>} (RFC 8866 §5.8). */
        BAD_BANDWIDTH,
        /** {@code t=} is not two decimal times, or {@code r=} comes before any {@code t=} (RFC 8866 §5.9). */
        BAD_TIMING,
        /** {@code m=} has fewer than four fields (RFC 8866 §5.14). */
        BAD_MEDIA,
        /** The m= port or port count is not a number in range (RFC 8866 §5.14). */
        BAD_PORT,
        /** An RTP profile lists a format that is not a payload type 0–127 (RFC 8866 §5.14, RFC 3551). */
        BAD_PAYLOAD_TYPE,
        /** {@code a=} has an empty name (RFC 8866 §5.13). */
        BAD_ATTRIBUTE
    }

    private final Reason reason;
    private final int line;
    private final int offset;
    private final String excerpt;

    public SdpParseException(Reason reason, int line, int offset, String excerpt) {
        super(reason + " at line " + line + " (offset " + offset + "): " + excerpt, null, false, false);
        this.reason = reason;
        this.line = line;
        this.offset = offset;
        this.excerpt = excerpt;
    }

    public Reason reason() {
        return reason;
    }

    /** The 1-based line number, or 0 when the problem is not tied to one line. */
    public int line() {
        return line;
    }

    /** Byte offset of the start of the offending line within the parsed input. */
    public int offset() {
        return offset;
    }

    /** At most 40 characters of the offending line. */
    public String excerpt() {
        return excerpt;
    }
}
