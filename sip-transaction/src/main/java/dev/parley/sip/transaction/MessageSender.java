package dev.parley.sip.transaction;

import dev.parley.sip.transport.Endpoint;

/**
 * The transport as the transaction layer sees it. A send that fails at once (no route, connection
 * refused, buffer full) returns false; the transaction turns that into its "Transport Err." event
 * (RFC 3261 §17.1.4, §17.2.4).
 */
public interface MessageSender<Q, S> {

    boolean sendRequest(Q request, Endpoint to);

    boolean sendResponse(S response, Endpoint to);
}
