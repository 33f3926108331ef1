package dev.parley.sip.transaction;

import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transport.Endpoint;

/**
 * A request that RFC 3261 §18.1.1 moved from UDP to TCP because of its size, with its way back:
 * "if the attempt to establish the connection generates either an ICMP Protocol Not Supported, or
 * results in a TCP reset, the element SHOULD retry the request, using UDP". The TCP attempt runs
 * in its own client transaction; if it fails before any response, the same request (Via back to
 * UDP, same branch) is sent again in a new UDP transaction, and the TU keeps one handle and one
 * stream of events. A response to the TCP attempt comes back on its connection (§18.2.2).
 */
final class UdpRetry implements ClientTransaction, ClientTransaction.Listener<SipResponse> {

    private final TransactionLayer<SipRequest, SipResponse> layer;
    private final SipRequest overUdp;
    private final Endpoint udpPeer;
    private final ClientTransaction.Listener<SipResponse> listener;
    private ClientTransaction current;
    private boolean answered;
    private boolean retried;

    private UdpRetry(TransactionLayer<SipRequest, SipResponse> layer, SipRequest overUdp, Endpoint udpPeer,
                     ClientTransaction.Listener<SipResponse> listener) {
        this.layer = layer;
        this.overUdp = overUdp;
        this.udpPeer = udpPeer;
        this.listener = listener;
    }

    /** Sends {@code overTcp} to {@code tcpPeer}, ready to fall back to {@code overUdp} at {@code udpPeer}. */
    static ClientTransaction start(TransactionLayer<SipRequest, SipResponse> layer, SipRequest overTcp, Endpoint tcpPeer,
                                   SipRequest overUdp, Endpoint udpPeer, ClientTransaction.Listener<SipResponse> listener) {
        UdpRetry retry = new UdpRetry(layer, overUdp, udpPeer, listener);
        ClientTransaction first = layer.sendRequest(overTcp, tcpPeer, retry);
        if (!retry.retried) {
            // A connection that fails at once has already been replaced by the UDP attempt.
            retry.current = first;
        }
        return retry;
    }

    @Override
    public void onResponse(SipResponse response) {
        answered = true;
        listener.onResponse(response);
    }

    @Override
    public void onTimeout() {
        listener.onTimeout();
    }

    @Override
    public void onTransportError() {
        if (answered || retried) {
            listener.onTransportError();
            return;
        }
        // RFC 3261 §18.1.1: the TCP connection could not be established: retry over UDP.
        retried = true;
        try {
            current = layer.sendRequest(overUdp, udpPeer, listener);
        } catch (IllegalStateException | IllegalArgumentException cannotRetry) {
            // Table full, or the branch reused meanwhile: the TU gets the original failure.
            listener.onTransportError();
            listener.onTerminated();
        }
    }

    @Override
    public void onTerminated() {
        // The end of the TCP attempt is not the end of the request when the UDP attempt replaced it.
        if (!retried) {
            listener.onTerminated();
        }
    }

    @Override
    public String method() {
        return current.method();
    }

    @Override
    public Endpoint peer() {
        return current.peer();
    }

    @Override
    public boolean isTerminated() {
        return current.isTerminated();
    }

    @Override
    public String describe() {
        return current.describe() + (retried ? " (retried over UDP, RFC 3261 §18.1.1)" : " (moved to TCP, RFC 3261 §18.1.1)");
    }
}
