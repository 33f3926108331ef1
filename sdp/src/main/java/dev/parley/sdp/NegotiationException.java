package dev.parley.sdp;

/**
 * Offer/answer failed. {@link #sipStatus()} is the response a UA sends for it: 488 Not
 * Acceptable Here for an offer it cannot answer (RFC 3261 §13.3.1.4).
 */
public final class NegotiationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** No offered stream shares a codec and transport with the local capabilities. */
        NO_COMMON_CODEC,
        /** The answer does not have one m= line per offered m= line (RFC 3264 §6). */
        MEDIA_COUNT_MISMATCH,
        /** An answer arrived, or an offer was to be rejected, with no offer outstanding (RFC 3264 §4). */
        NO_OFFER_PENDING,
        /** A new offer while ours is outstanding (RFC 3264 §4: glare; SIP answers 491). */
        OFFER_PENDING,
        /** A re-offer removed or reordered m= lines (RFC 3264 §8: lines are never removed, only disabled). */
        MEDIA_REMOVED
    }

    private final Reason reason;

    public NegotiationException(Reason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * The SIP status a UA answers the failed offer with: 491 Request Pending for glare
     * (RFC 3261 §14.2), otherwise 488 Not Acceptable Here.
     */
    public int sipStatus() {
        return reason == Reason.OFFER_PENDING ? 491 : 488;
    }
}
