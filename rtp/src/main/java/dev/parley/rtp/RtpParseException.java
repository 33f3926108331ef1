package dev.parley.rtp;

/**
 * The one exception the RTP, RTCP and RFC 4733 parsers throw: unchecked, with the byte offset where
 * the packet went wrong and a reason. Created without a stack trace, so a flood of garbage stays
 * cheap. The receive path never throws it: it counts the reason and drops the packet instead.
 */
public final class RtpParseException extends RuntimeException {

    /** Why a packet was rejected. */
    public enum Reason {
        /** Shorter than the fixed header it claims to have. */
        TRUNCATED,
        /** RFC 3550 §A.1 / §A.2: the version field is not 2. */
        BAD_VERSION,
        /** RFC 3550 §A.1: the padding count is zero or larger than the room after the header. */
        BAD_PADDING,
        /** RFC 3550 §A.1: CSRC list or header extension runs past the end of the packet. */
        HEADER_OVERRUN,
        /** RFC 8285 §4: an extension element runs past the end of the extension block. */
        BAD_EXTENSION_ELEMENT,
        /** RFC 3550 §A.1 / RFC 5761 §4: payload type 72–76 collides with RTCP SR/RR. */
        RTCP_PAYLOAD_TYPE,
        /** RFC 3550 §A.2: a compound RTCP packet does not start with SR or RR. */
        FIRST_NOT_REPORT,
        /** RFC 3550 §A.2: padding set on a packet that is not the last of a compound packet. */
        PADDING_NOT_LAST,
        /** RFC 3550 §A.2: the length fields do not add up to the datagram length. */
        BAD_LENGTH,
        /** A field is inconsistent with the packet length (report count, SDES item, BYE reason). */
        BAD_CONTENT
    }

    private final Reason reason;
    private final int offset;

    public RtpParseException(Reason reason, int offset) {
        super(reason + " at offset " + offset, null, false, false);
        this.reason = reason;
        this.offset = offset;
    }

    public Reason reason() {
        return reason;
    }

    /** Byte offset, relative to the start of the packet, where the problem was found. */
    public int offset() {
        return offset;
    }
}
