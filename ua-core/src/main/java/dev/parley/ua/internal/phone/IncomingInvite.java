package dev.parley.ua.internal.phone;

import dev.parley.sdp.NegotiatedMedia;
import dev.parley.sdp.NegotiationException;
import dev.parley.sdp.OfferAnswer;
import dev.parley.sdp.SessionDescription;
import dev.parley.sip.message.Contact;
import dev.parley.sip.message.HeaderNames;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipMessageBuilder;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.ua.Call;
import dev.parley.ua.CallEnd;
import dev.parley.ua.CallState;
import dev.parley.ua.EndCause;
import dev.parley.ua.internal.dialog.Dialog;
import dev.parley.ua.internal.dialog.TwoXxRetransmitter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The UAS side of the initial INVITE (RFC 3261 §13.3): 180 on arrival, do-not-disturb, 488 when no
 * codec matches, answer with 200 and its retransmission until ACK (§13.3.1.4), reject, CANCEL.
 * An INVITE without SDP (offer in the 2xx, answer in the ACK: RFC 3261 §13.2.1) is supported.
 */
final class IncomingInvite {

    /** Lenient: an INVITE Expires longer than a day is taken as a day. */
    static final long MAX_EXPIRES_SECONDS = 86_400;

    private final CallImpl call;
    private final ServerTransaction<SipRequest, SipResponse> tx;
    private final SipRequest invite;
    private final String tag;
    private OfferAnswer offerAnswer;
    private boolean offerInInvite;
    private SessionDescription localSdp;
    private TwoXxRetransmitter retransmitter;
    private CompletableFuture<Call> answerStage;
    private boolean acked;
    /** The call this INVITE replaces (RFC 3891), or null for an ordinary incoming call. */
    private final CallImpl replaced;
    /** The caller's Expires on the INVITE (RFC 3261 §13.3.1), or null. */
    private dev.parley.sip.transaction.Timeout expiry;

    IncomingInvite(CallImpl call, ServerTransaction<SipRequest, SipResponse> tx, SipRequest invite, String tag,
                   CallImpl replaced) {
        this.call = call;
        this.replaced = replaced;
        this.tx = tx;
        this.invite = invite;
        this.tag = tag;
    }

    SipRequest invite() {
        return invite;
    }

    void arrive() {
        if (call.line.doNotDisturb() && replaced == null) {
            respond(486, "Busy Here");
            call.finish(new CallEnd(EndCause.DO_NOT_DISTURB, 486, "Busy Here"));
            return;
        }
        Optional<SessionDescription> offer = SdpSupport.body(invite);
        if (invite.bodyLength() > 0 && offer.isEmpty()) {
            // RFC 3261 §21.4.13: a body we cannot use as an offer.
            respond(488, "Not Acceptable Here");
            call.finish(new CallEnd(EndCause.NO_COMMON_CODEC, 488, "unusable session description"));
            return;
        }
        offerInInvite = offer.isPresent();
        offerAnswer = SdpSupport.offerAnswer(call, call.media().localPort());
        call.offerAnswer = offerAnswer;
        if (offerInInvite) {
            try {
                localSdp = offerAnswer.answer(offer.get());
                Optional<NegotiatedMedia> audio = SdpSupport.audio(offerAnswer.negotiated());
                if (audio.isEmpty()) {
                    throw new NegotiationException(NegotiationException.Reason.NO_COMMON_CODEC, "no audio codec Parley runs");
                }
                // RFC 3264 §6: the answerer may send media once it has sent its answer, and our
                // answer goes out in the 200 (answer()): a ringing call sends no RTP or RTCP, so a
                // source attached before answering is not heard. The codec is known already.
                call.media().expectCodec(SdpSupport.codecOf(audio.get()).orElseThrow());
            } catch (NegotiationException e) {
                // RFC 3261 §13.3.1.4 / RFC 3264 §6: an offer we cannot accept is rejected with 488.
                respond(488, "Not Acceptable Here");
                call.finish(new CallEnd(EndCause.NO_COMMON_CODEC, 488, "no common codec"));
                return;
            }
        } else {
            localSdp = offerAnswer.createOffer();
        }
        call.useDialog(Dialog.asUas(invite, tag, false));
        call.core.invitePending(tx, call);
        // RFC 3261 §13.3.1.1: tell the caller we are alerting the user.
        tx.respond(dialogResponse(SipResponse.createFrom(invite, 180, "Ringing", tag)));
        call.setState(CallState.INCOMING);
        if (replaced != null) {
            // RFC 3891 §3: the user is already in the replaced call: the new one is taken at once.
            call.line.replacementCall(replaced, call);
            answer(new CompletableFuture<>());
            return;
        }
        // RFC 3261 §13.3.1: if the INVITE's Expires passes before a final response, answer 487.
        invite.expires().ifPresent(seconds -> expiry = call.core.scheduler().schedule(
                Math.min(seconds, MAX_EXPIRES_SECONDS) * 1000, this::expired));
        call.line.incomingCall(call);
        if (call.line.autoAnswer()) {
            answer(new CompletableFuture<>());
        }
    }

    /**
     * RFC 3261 §12.1.1: a response that makes the dialog (our 180 with its To tag, the 200) carries
     * our Contact and every Record-Route value of the INVITE, in order and unchanged, so that the
     * caller's in-dialog requests go through the proxies that asked to stay on the path.
     */
    private SipResponse dialogResponse(SipResponse r) {
        SipMessageBuilder<SipResponse> b = r.toBuilder().contact(new Contact(NameAddr.of(call.contactUri())));
        for (String recordRoute : invite.headerLines(HeaderNames.RECORD_ROUTE)) {
            b.add(HeaderNames.RECORD_ROUTE, recordRoute);
        }
        return b.build();
    }

    private void respond(int code, String reason) {
        tx.respond(SipResponse.createFrom(invite, code, reason, tag));
        call.core.inviteAnswered(tx);
    }

    void answer(CompletableFuture<Call> stage) {
        answerStage = stage;
        if (expiry != null) {
            expiry.cancel();
            expiry = null;
        }
        SipResponse ok = dialogResponse(SipResponse.createFrom(invite, 200, "OK", tag)).toBuilder()
                .add("Allow", PhoneCore.ALLOW)
                .add("Server", call.core.settings().userAgent())
                .body(SdpSupport.CONTENT_TYPE, localSdp.toBytes())
                .build();
        tx.respond(ok);
        if (offerInInvite) {
            // RFC 3264 §6: the answer is on its way; media may flow now (checked in arrive()).
            SdpSupport.apply(call, offerAnswer.negotiated());
        }
        call.core.inviteAnswered(tx);
        call.dialog.confirm();
        // RFC 3261 §13.3.1.4: the UAS core retransmits the 2xx until the ACK arrives, then gives up with BYE.
        retransmitter = new TwoXxRetransmitter(call.core.scheduler(), call.core.settings().timers(), false,
                () -> {
                    if (!tx.respond(ok)) {
                        call.core.stack().layer().sendStateless(ok, tx.peer());
                    }
                },
                () -> InDialog.bye(call, new CallEnd(EndCause.TIMEOUT, 408, "no ACK for our 2xx")));
        call.setState(CallState.CONNECTED);
    }

    void onAck(SipRequest ack) {
        if (retransmitter == null || acked) {
            return;
        }
        acked = true;
        retransmitter.acknowledged();
        if (!offerInInvite) {
            // RFC 3261 §13.2.1: with the offer in our 2xx, the answer comes in the ACK.
            Optional<SessionDescription> answer = SdpSupport.body(ack);
            boolean ok;
            try {
                ok = answer.isPresent() && SdpSupport.apply(call, offerAnswer.acceptAnswer(answer.get()));
            } catch (NegotiationException e) {
                ok = false;
            }
            if (!ok) {
                InDialog.bye(call, new CallEnd(EndCause.NO_COMMON_CODEC, 488, "the ACK carried no usable answer"));
                return;
            }
        }
        call.completeStage(answerStage);
    }

    void reject(int code) {
        respond(code, SipResponse.defaultReason(code));
        call.finish(new CallEnd(EndCause.REJECTED, code, SipResponse.defaultReason(code)));
    }

    /**
     * RFC 3261 §21.3.3 / §8.1.3.4: 302 Moved Temporarily, with one Contact per target (the first
     * preferred: decreasing q when there are several).
     */
    void redirect(java.util.List<dev.parley.sip.message.Uri> targets) {
        var b = SipResponse.createFrom(invite, 302, "Moved Temporarily", tag).toBuilder();
        for (int i = 0; i < targets.size(); i++) {
            NameAddr a = NameAddr.of(targets.get(i));
            if (targets.size() > 1) {
                // q from 1.0 down by 0.01 per rank, three decimals at most (RFC 3261 §25.1 qvalue).
                a = a.withParam("q", String.format(java.util.Locale.ROOT, "%.2f", 1.0 - i * 0.01));
            }
            b.contact(new Contact(a));
        }
        tx.respond(b.build());
        call.core.inviteAnswered(tx);
        call.finish(new CallEnd(EndCause.REDIRECTED, 302, "Moved Temporarily"));
    }

    /** RFC 3261 §9.2: the caller cancelled: answer the INVITE 487 (the CANCEL itself got 200). */
    void onCancel() {
        if (call.state() != CallState.INCOMING) {
            return;
        }
        respond(487, "Request Terminated");
        call.finish(new CallEnd(EndCause.CANCELLED_BY_REMOTE, 487, "Request Terminated"));
    }

    private void expired() {
        expiry = null;
        if (call.state() == CallState.INCOMING) {
            respond(487, "Request Terminated");
            call.finish(new CallEnd(EndCause.NO_ANSWER, 487, "the caller's Expires passed"));
        }
    }

    void stop(CallEnd how) {
        if (expiry != null) {
            expiry.cancel();
            expiry = null;
        }
        if (retransmitter != null) {
            retransmitter.stop();
        }
        if (answerStage != null && !answerStage.isDone()) {
            call.failStage(answerStage, how);
        }
        if (!tx.hasFinalResponse()) {
            // The phone closed or the call was hung up while ringing: the caller must hear something final.
            respond(480, "Temporarily Unavailable");
        }
    }
}
