package dev.parley.sip.transaction;

import dev.parley.sip.transport.Endpoint;

/** The TU's handle on a client transaction (RFC 3261 §17.1). */
public interface ClientTransaction {

    /** The request method (INVITE, or the non-INVITE method). */
    String method();

    /** Where the request goes. */
    Endpoint peer();

    /** True once the transaction has reached its Terminated state. */
    boolean isTerminated();

    /** The state and pending timers, e.g. "INVITE client CALLING A@1500 B@32000". */
    String describe();

    /**
     * What a client transaction tells its TU. All methods run on the stack's event loop thread
     * and default to doing nothing.
     */
    interface Listener<S> {

        /** A provisional or final response, passed up as Figures 5 and 6 say. */
        default void onResponse(S response) {
        }

        /** Timer B or F fired: no final response (RFC 3261 §17.1.1.2, §17.1.2.2; TU acts as if 408). */
        default void onTimeout() {
        }

        /** The transport failed (RFC 3261 §17.1.4; TU acts as if 503, §8.1.3.1). */
        default void onTransportError() {
        }

        /** The transaction is gone; no more events follow. */
        default void onTerminated() {
        }
    }
}
