package dev.parley.sip.transaction;

/**
 * An input to a transaction state machine: a message from the wire, a response from the TU, a
 * timer firing or a transport error. Exactly one of {@code request} and {@code response} is set
 * for message kinds; neither for the others.
 */
record TransactionEvent<Q, S>(Kind kind, Q request, S response) {

    /** Inputs named as the arrows of RFC 3261 Figures 5–8 and RFC 6026 §8 name them. */
    enum Kind {
        /** A request (or ACK) matched to this transaction arrived from the wire. */
        REQUEST,
        /** A response matched to this transaction arrived from the wire. */
        RESPONSE,
        /** The TU passes a response to the server transaction. */
        TU_RESPONSE,
        /** The transport could not send (RFC 3261 §17.1.4, §17.2.4). */
        TRANSPORT_ERROR,
        TIMER_A, TIMER_B, TIMER_D, TIMER_E, TIMER_F, TIMER_G, TIMER_H, TIMER_I, TIMER_J, TIMER_K,
        /** RFC 6026 §8.7: end of the INVITE server transaction's Accepted state. */
        TIMER_L,
        /** RFC 6026 §8.4: end of the INVITE client transaction's Accepted state. */
        TIMER_M,
        /** RFC 3261 §17.2.1: the TU has not sent a provisional response within 200 ms. */
        TIMER_TRYING
    }

    static <Q, S> TransactionEvent<Q, S> request(Q request) {
        return new TransactionEvent<>(Kind.REQUEST, request, null);
    }

    static <Q, S> TransactionEvent<Q, S> response(S response) {
        return new TransactionEvent<>(Kind.RESPONSE, null, response);
    }

    static <Q, S> TransactionEvent<Q, S> tuResponse(S response) {
        return new TransactionEvent<>(Kind.TU_RESPONSE, null, response);
    }

    static <Q, S> TransactionEvent<Q, S> of(Kind kind) {
        return new TransactionEvent<>(kind, null, null);
    }
}
