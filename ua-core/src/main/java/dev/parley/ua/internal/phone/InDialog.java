package dev.parley.ua.internal.phone;

import dev.parley.sdp.NegotiationException;
import dev.parley.sdp.OfferAnswer;
import dev.parley.sdp.SessionDescription;
import dev.parley.sip.message.Contact;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipMessageBuilder;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transaction.ClientTransaction;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.ua.CallEnd;
import dev.parley.ua.CallState;
import dev.parley.ua.EndCause;
import dev.parley.ua.internal.dialog.Dialog;
import dev.parley.ua.internal.dialog.TwoXxRetransmitter;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Requests inside an established dialog: BYE both ways, re-INVITE answered, OPTIONS and INFO;
 * REFER and NOTIFY go to the transfer usages.
 */
final class InDialog {

    private InDialog() {
    }

    static void handle(CallImpl call, ServerTransaction<SipRequest, SipResponse> tx, SipRequest request) {
        if (call.dialog.onRemoteRequest(request) == Dialog.Verdict.OUT_OF_ORDER) {
            // RFC 3261 §12.2.2: a lower CSeq than the last one is out of order.
            call.core.respond(tx, request, 500, "Server Internal Error - CSeq out of order");
            return;
        }
        switch (request.method()) {
            case "BYE" -> {
                // RFC 3261 §15.1.2: answer 200 and end the session.
                call.core.respond(tx, request, 200, "OK");
                call.finish(new CallEnd(call.transferredAway() ? EndCause.TRANSFERRED : EndCause.REMOTE_HANGUP, 0, "BYE"));
            }
            case "REFER" -> IncomingTransfer.onRefer(call, tx, request);
            case "NOTIFY" -> call.onNotify(tx, request);
            case "INVITE" -> reInvite(call, tx, request);
            case "INFO" -> info(call, tx, request);
            case "OPTIONS" -> call.core.respond(tx, request, 200, "OK");
            default -> tx.respond(call.core.stack().ops().responseFor(request, 405, "Method Not Allowed")
                    .toBuilder().add("Allow", PhoneCore.ALLOW).build());
        }
    }

    /** RFC 6086 §4.2: an INFO is answered 200; one with a DTMF body reports the digit, a bad one gets 400. */
    private static void info(CallImpl call, ServerTransaction<SipRequest, SipResponse> tx, SipRequest request) {
        if (!DtmfRelay.isDtmf(request)) {
            call.core.respond(tx, request, 200, "OK");
            return;
        }
        Optional<dev.parley.ua.DtmfEvent> event = DtmfRelay.parse(request.body());
        if (event.isEmpty()) {
            call.core.respond(tx, request, 400, "Bad Request - no DTMF signal");
            return;
        }
        call.core.respond(tx, request, 200, "OK");
        call.core.events().fire(l -> l.onDtmf(call, event.get()));
    }

    /**
     * A re-INVITE (RFC 3261 §14.2): answer its offer and update the media (new address, codec or
     * direction), and report whether the peer now holds us (RFC 3264 §8.4). While our own offer is
     * outstanding the answer is 491 (RFC 3261 §14.2).
     */
    private static void reInvite(CallImpl call, ServerTransaction<SipRequest, SipResponse> tx, SipRequest request) {
        if (!call.state().isEstablished()) {
            // RFC 3261 §14.2: a re-INVITE before the first one completed gets 500 with Retry-After.
            tx.respond(call.core.stack().ops().responseFor(request, 500, "Server Internal Error").toBuilder()
                    .add("Retry-After", "1").build());
            return;
        }
        OfferAnswer oa = call.offerAnswer;
        Optional<SessionDescription> offer = SdpSupport.body(request);
        SessionDescription answer;
        try {
            if (offer.isEmpty()) {
                throw new NegotiationException(NegotiationException.Reason.NO_OFFER_PENDING, "re-INVITE without offer");
            }
            answer = oa.answer(offer.get());
            if (!SdpSupport.apply(call, oa.negotiated())) {
                throw new NegotiationException(NegotiationException.Reason.NO_COMMON_CODEC, "no usable audio");
            }
        } catch (NegotiationException e) {
            // RFC 3261 §14.2: a re-offer we cannot accept gets 488 and the session stays as it was.
            call.core.respond(tx, request, e.sipStatus(), e.sipStatus() == 491 ? "Request Pending" : "Not Acceptable Here");
            return;
        }
        SipResponse ok = call.core.stack().ops().responseFor(request, 200, "OK").toBuilder()
                .contact(new Contact(NameAddr.of(call.contactUri())))
                .body(SdpSupport.CONTENT_TYPE, answer.toBytes())
                .build();
        tx.respond(ok);
        if (call.reInviteAnswer != null) {
            call.reInviteAnswer.stop();
        }
        // RFC 3261 §13.3.1.4: the UAS core resends its 2xx until the ACK; without one the dialog ends.
        call.reInviteAnswerCseq = request.cseq().number();
        call.reInviteAnswer = new TwoXxRetransmitter(call.core.scheduler(), call.core.settings().timers(), false,
                () -> {
                    if (!tx.respond(ok)) {
                        call.core.stack().layer().sendStateless(ok, tx.peer());
                    }
                },
                () -> bye(call, new CallEnd(EndCause.TIMEOUT, 408, "no ACK for our 2xx to a re-INVITE")));
        // RFC 3264 §8.4: the peer's offer tells whether it holds us.
        call.hold.onPeerOfferAnswered(oa.negotiated());
    }

    /** RFC 3261 §13.3.1.4: the ACK for our 2xx to the peer's last re-INVITE stops its retransmission. */
    static boolean acknowledgesReInvite(CallImpl call, SipRequest ack) {
        if (call.reInviteAnswer == null || ack.cseq().number() != call.reInviteAnswerCseq) {
            return false;
        }
        call.reInviteAnswer.acknowledged();
        call.reInviteAnswer = null;
        return true;
    }

    /** Sends BYE (RFC 3261 §15.1.1) and ends the call with {@code how} when any final response, or none, comes. */
    static void bye(CallImpl call, CallEnd how) {
        if (call.state() == CallState.ENDED || call.dialog == null) {
            call.finish(how);
            return;
        }
        // RFC 3261 §15.1.1: the session ends at once: stop media now, the response only confirms it.
        sendBye(call);
        call.finish(how);
    }

    /** Sends a BYE (RFC 3261 §15.1.1), with the digest retry of §22.2; nobody waits for its response. */
    private static void sendBye(CallImpl call) {
        send(call, "BYE", b -> { }, new ClientTransaction.Listener<>() { });
    }

    /**
     * Sends a request inside the call's dialog (BYE, INFO, REFER, NOTIFY…): {@code fill} adds what
     * the method needs to a request that has the dialog's headers and the next CSeq. A 401/407 is
     * answered with credentials (RFC 3261 §22.2) by {@link DialogRequest}; {@code listener} sees
     * every other response and the outcome.
     */
    static void send(CallImpl call, String method, Consumer<SipMessageBuilder<SipRequest>> fill,
                     ClientTransaction.Listener<SipResponse> listener) {
        DialogRequest.send(call, method, fill, listener);
    }
}
