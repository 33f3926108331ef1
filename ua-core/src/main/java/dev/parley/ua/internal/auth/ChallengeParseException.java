package dev.parley.ua.internal.auth;

/**
 * The one exception {@link DigestChallenge#parse} throws: unchecked, with the offset in the header
 * value and a reason, created without a stack trace.
 */
public final class ChallengeParseException extends RuntimeException {

    /** What is wrong with the challenge. */
    public enum Reason {
        /** The scheme is not Digest (e.g. Basic, which SIP forbids: RFC 3261 §22.1). */
        NOT_DIGEST,
        /** An auth-param is not {@code name=token} or {@code name="quoted"}. */
        BAD_PARAM,
        /** A required parameter (realm, nonce) is missing. */
        MISSING_PARAM,
        /** The algorithm is not one Parley implements. */
        UNSUPPORTED_ALGORITHM,
        /** Too many parameters or too long a value. */
        TOO_LARGE
    }

    private final int offset;
    private final Reason reason;

    public ChallengeParseException(Reason reason, int offset, String detail) {
        super(reason + " at " + offset + ": " + detail, null, false, false);
        this.reason = reason;
        this.offset = offset;
    }

    public Reason reason() {
        return reason;
    }

    public int offset() {
        return offset;
    }
}
