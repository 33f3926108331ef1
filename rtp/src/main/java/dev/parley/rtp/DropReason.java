package dev.parley.rtp;

/** Why a session dropped a received datagram; each is counted in {@link SessionStatistics}. */
public enum DropReason {
    /** RFC 3550 §A.1: failed RTP header validation. */
    INVALID_RTP,
    /** RFC 3550 §A.2: failed compound RTCP validation. */
    INVALID_RTCP,
    /** Latching: media from an address other than the latched one. */
    UNEXPECTED_ADDRESS,
    /** RFC 3550 §8.2: our own packets came back. */
    LOOP,
    /** RFC 3550 §8.2: a known SSRC arrived from a different address. */
    SSRC_CONFLICT,
    /** RFC 3550 §A.1: a source on probation, or a sequence jump not yet confirmed. */
    SEQUENCE,
    /** A payload type that was not negotiated. */
    UNKNOWN_PAYLOAD_TYPE,
    /** An audio payload longer than one frame that is not a whole number of frames (≤ 6). */
    FRAME_SIZE,
    /** RFC 4733 §2.3: an event payload shorter than 4 bytes. */
    INVALID_EVENT,
    /** The source table is full. */
    TOO_MANY_SOURCES,
    /** Receiving is off (sendonly, inactive, hold). */
    NOT_RECEIVING
}
