package dev.parley.ua;

/** Why a call ended. The matching SIP status, if any, is in {@link CallEnd#statusCode()}. */
public enum EndCause {
    /** We hung up an established call (we sent BYE). */
    LOCAL_HANGUP,
    /** The peer hung up an established call (it sent BYE). */
    REMOTE_HANGUP,
    /** We cancelled our outgoing call before it was answered (CANCEL, then 487). */
    CANCELLED,
    /** The caller cancelled the incoming call before we answered. */
    CANCELLED_BY_REMOTE,
    /** We rejected the incoming call with {@link Call#reject(int)}. */
    REJECTED,
    /** The callee (or a proxy) answered our INVITE with a 4xx, 5xx or 6xx. */
    REMOTE_REJECTED,
    /** Do-not-disturb answered the incoming call with 486 Busy Here. */
    DO_NOT_DISTURB,
    /** No codec in common: 488 Not Acceptable Here was sent or received (RFC 3264 §6). */
    NO_COMMON_CODEC,
    /** A transaction timed out (no response, or no ACK for our 2xx: RFC 3261 §13.3.1.4). */
    TIMEOUT,
    /** A message could not be sent (RFC 3261 §17.1.4, §17.2.4). */
    TRANSPORT_ERROR,
    /** The phone was closed while the call was up. */
    PHONE_CLOSED,
    /**
     * Nobody answered in time: our outgoing call rang longer than the ring timeout
     * ({@code SoftPhone.Builder.ringTimeout}, sent as the INVITE's Expires) and was cancelled, or
     * an incoming call's Expires passed before we answered (487 sent): RFC 3261 §13.2.1, §13.3.1.
     */
    NO_ANSWER,
    /** We answered the incoming call with 302 Moved Temporarily ({@link Call#redirect}, RFC 3261 §21.3.3). */
    REDIRECTED,
    /**
     * Our outgoing call was redirected (3xx) more times than {@code SoftPhone.Builder.maxRedirects}
     * allows (RFC 3261 §8.1.3.4); the status is the last 3xx.
     */
    TOO_MANY_REDIRECTS,
    /** A 3xx named only targets the call had already tried (RFC 3261 §8.1.3.4 loop detection). */
    REDIRECT_LOOP,
    /** The call was transferred away (part 2: RFC 3515, RFC 5589). */
    TRANSFERRED,
    /** The call was replaced by another (part 2: RFC 3891). */
    REPLACED
}
