package dev.parley.sip.transaction;

import dev.parley.sip.transport.Endpoint;

/** The TU's handle on a server transaction (RFC 3261 §17.2). */
public interface ServerTransaction<Q, S> {

    /** The request that created the transaction. */
    Q request();

    /** Where responses go (the request's source, RFC 3261 §18.2.2 and RFC 3581). */
    Endpoint peer();

    /**
     * Passes a response from the TU to the transaction, which sends it and retransmits it where
     * the state machine says so. Returns false (and sends nothing) when the state does not accept
     * it: after a final response (other than further 2xx to an INVITE) or after termination.
     */
    boolean respond(S response);

    /** True once a final response has been passed to {@link #respond}. */
    boolean hasFinalResponse();

    boolean isTerminated();

    /** The state and pending timers, e.g. "INVITE server COMPLETED G@1500 H@32000". */
    String describe();
}
