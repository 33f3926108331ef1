package dev.parley.cli.registrar;

import dev.parley.sip.message.SipMethod;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transaction.ClientTransaction;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.sip.transaction.TransactionStack;
import dev.parley.sip.transport.Endpoint;

/**
 * One forwarded request of the stateful proxy: the client transaction's listener, which passes
 * responses back through the server transaction (RFC 3261 §16.7), and the CANCEL of §16.10.
 * Parley's proxy forwards to one target only, so there is no response context to choose among
 * branches: every response but 100 is relayed as it comes.
 *
 * <p>Confined to the server's event loop thread.
 */
final class ResponseRelay implements ClientTransaction.Listener<SipResponse> {

    private final TransactionStack stack;
    private final ServerTransaction<SipRequest, SipResponse> server;
    private final SipRequest forwarded;
    private final Endpoint nextHop;
    private final Runnable onDone;
    private final TagSource tags;
    private boolean provisionalSeen;
    private boolean cancelWanted;
    private boolean cancelSent;

    ResponseRelay(TransactionStack stack, ServerTransaction<SipRequest, SipResponse> server, SipRequest forwarded,
                  Endpoint nextHop, TagSource tags, Runnable onDone) {
        this.stack = stack;
        this.server = server;
        this.forwarded = forwarded;
        this.nextHop = nextHop;
        this.onDone = onDone;
        this.tags = tags;
    }

    @Override
    public void onResponse(SipResponse response) {
        // RFC 3261 §16.7 step 3: the proxy removes its own Via, the topmost, before relaying.
        SipResponse relayed = response.toBuilder().removeFirstValue("Via").build();
        if (relayed.headerLines("Via").isEmpty()) {
            // RFC 3261 §16.7 step 3: a response with no Via left was meant for this element; it is not relayed.
            return;
        }
        if (response.isProvisional()) {
            provisionalSeen = true;
            if (cancelWanted) {
                sendCancel();
            }
            // RFC 3261 §16.7 step 5: 100 Trying is not forwarded (the server transaction sends its own).
            if (response.statusCode() != 100) {
                server.respond(relayed);
            }
            return;
        }
        // RFC 3261 §16.7 step 5 (RFC 6026 §8.4): finals are relayed, and every further 2xx to an INVITE too.
        server.respond(relayed);
    }

    /** RFC 3261 §16.10: a CANCEL for the server transaction is passed on to the pending client transaction. */
    void cancel() {
        if (cancelWanted) {
            return;
        }
        cancelWanted = true;
        // RFC 3261 §9.1: a CANCEL is not sent before a provisional response has been received.
        if (provisionalSeen) {
            sendCancel();
        }
    }

    private void sendCancel() {
        if (cancelSent || server.hasFinalResponse()) {
            return;
        }
        cancelSent = true;
        // RFC 3261 §9.1: same Request-URI, Call-ID, To, From, CSeq number and Route as the request;
        // one Via, equal to the top Via of the request being cancelled.
        var b = SipRequest.builder(SipMethod.CANCEL, forwarded.requestUri())
                .via(forwarded.topVia())
                .maxForwards(70)
                .from(forwarded.from())
                .to(forwarded.to())
                .callId(forwarded.callId())
                .cseq(forwarded.cseq().number(), SipMethod.CANCEL);
        for (String route : forwarded.headerValues("Route")) {
            b.add("Route", route);
        }
        try {
            stack.sendRequest(b.build(), nextHop, new ClientTransaction.Listener<>() { });
        } catch (IllegalStateException | IllegalArgumentException full) {
            // The INVITE then ends by its own timer B; nothing else to do.
        }
    }

    @Override
    public void onTimeout() {
        // RFC 3261 §16.8: timer B or F firing is treated as a 408 from that branch.
        answer(408, "Request Timeout");
    }

    @Override
    public void onTransportError() {
        // RFC 3261 §16.9: a transport error is treated as a 503 from that branch.
        answer(503, "Service Unavailable");
    }

    private void answer(int status, String reason) {
        if (!server.hasFinalResponse()) {
            server.respond(server.request().createResponse(status, reason, tags.next()));
        }
    }

    @Override
    public void onTerminated() {
        onDone.run();
    }
}
