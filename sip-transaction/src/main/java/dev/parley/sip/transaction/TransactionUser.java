package dev.parley.sip.transaction;

import dev.parley.sip.transport.Endpoint;

/**
 * The layer above the transactions (the UA core or a proxy core): receives new requests and the
 * events of server transactions. Every method runs on the stack's event loop thread.
 */
public interface TransactionUser<Q, S> {

    /** A request that created a new server transaction; answer it with {@link ServerTransaction#respond}. */
    void onRequest(ServerTransaction<Q, S> transaction, Q request);

    /**
     * An ACK that no INVITE server transaction absorbs: the ACK for a 2xx (RFC 3261 §17.2.3 and
     * RFC 6026 §8.7), which belongs to the dialog, not to the transaction.
     */
    default void onAck(Q ack, Endpoint from) {
    }

    /**
     * RFC 3261 §9.2: a CANCEL matched this INVITE (or other) server transaction, which has no final
     * response yet; the layer has answered the CANCEL with 200. The TU should answer the original
     * request, normally with 487.
     */
    default void onCancel(ServerTransaction<Q, S> cancelled, Q cancel) {
    }

    /** Timer H fired: no ACK came for a non-2xx final response (RFC 3261 §17.2.1). */
    default void onTimeout(ServerTransaction<Q, S> transaction) {
    }

    /** A response could not be sent (RFC 3261 §17.2.4). */
    default void onTransportError(ServerTransaction<Q, S> transaction) {
    }
}
