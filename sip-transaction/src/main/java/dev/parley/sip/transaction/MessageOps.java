package dev.parley.sip.transaction;

/**
 * The few things the transaction layer must do with a SIP message, kept behind an interface so
 * that the layer works with the message model of {@code sip-message} and, in tests, with plain
 * records.
 *
 * @param <Q> request type
 * @param <S> response type
 */
public interface MessageOps<Q, S> {

    /** Matching fields of a request. */
    MatchFields requestFields(Q request);

    /** Matching fields of a response (method = CSeq method, requestUri = null). */
    MatchFields responseFields(S response);

    /** Status code of a response, 100–699. */
    int statusCode(S response);

    /**
     * RFC 3261 §17.1.1.3: the ACK for a non-2xx final response: Request-URI, Call-ID, From, the
     * top Via and Route of the INVITE, To of the response, CSeq number of the INVITE with method ACK.
     */
    Q ackFor(Q invite, S response);

    /**
     * A response made from a request (RFC 3261 §8.2.6.2: Via, From, To, Call-ID and CSeq copied;
     * a To tag is added for final responses other than 100).
     */
    S responseFor(Q request, int statusCode, String reasonPhrase);

    /**
     * What a transaction keeps of a request while it waits in a long-lived state (INVITE Accepted,
     * non-INVITE Completed: up to 64*T1). By default the request itself; an implementation may keep
     * a smaller form, such as the wire bytes alone, and rebuild the request in {@link #restoreRequest}.
     */
    default Object retainRequest(Q request) {
        return request;
    }

    /** The request kept by {@link #retainRequest}. */
    @SuppressWarnings("unchecked")
    default Q restoreRequest(Object retained) {
        return (Q) retained;
    }

    /** As {@link #retainRequest}, for the final response a Completed state resends. */
    default Object retainResponse(S response) {
        return response;
    }

    /** The response kept by {@link #retainResponse}. */
    @SuppressWarnings("unchecked")
    default S restoreResponse(Object retained) {
        return (S) retained;
    }
}
