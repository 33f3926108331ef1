package dev.parley.ua.internal.phone;

import dev.parley.sdp.NegotiationException;
import dev.parley.sdp.OfferAnswer;
import dev.parley.sdp.SessionDescription;
import dev.parley.sip.message.SipHeader;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.Uri;
import dev.parley.sip.transaction.ClientTransaction;
import dev.parley.sip.transport.Endpoint;
import dev.parley.ua.Call;
import dev.parley.ua.CallEnd;
import dev.parley.ua.CallState;
import dev.parley.ua.EndCause;
import dev.parley.ua.internal.auth.DigestChallenge;
import dev.parley.ua.internal.dialog.Dialog;
import dev.parley.ua.internal.dialog.DialogId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The UAC side of the initial INVITE (RFC 3261 §13.2): offer, provisional responses and early
 * dialogs, the 2xx and its ACK (§13.2.2.4), forked 2xx (ACK and BYE the extra dialogs), CANCEL
 * (§9.1), digest retry on 401/407 (§22.2), redirects (§8.1.3.4) and the failures. The request
 * itself is built by {@link InviteRequest}; when a CANCEL may go is {@link InviteCancel}'s rule.
 */
final class OutgoingInvite {

    /** RFC 3261 §22: a server that keeps challenging gets at most this many retries. */
    static final int MAX_AUTH_RETRIES = 2;

    private final CallImpl call;
    /** The Request-URI of the current attempt: the dialled URI, then each redirect target. */
    private Uri target;
    private final RedirectTargets targets;
    /** Headers the request must carry besides ours (Referred-By and Replaces of a transfer: RFC 3892, RFC 3891). */
    private final java.util.List<SipHeader> extraHeaders;
    private CompletableFuture<Call> stage;
    private OfferAnswer offerAnswer;
    private SipRequest invite;
    private Endpoint nextHop;
    private long cseq;
    private int authRetries;
    private final InviteCancel cancellation;
    private SipRequest ack;
    /** The ring timeout of the current attempt (RFC 3261 §13.2.1 Expires), or null. */
    private dev.parley.sip.transaction.Timeout ringTimer;

    OutgoingInvite(CallImpl call, Uri target, java.util.List<SipHeader> extraHeaders) {
        this.call = call;
        this.target = target;
        this.targets = new RedirectTargets(target, call.core.settings().maxRedirects());
        this.extraHeaders = java.util.List.copyOf(extraHeaders);
        this.cancellation = new InviteCancel(call.core);
    }

    void start(CompletableFuture<Call> startStage) {
        this.stage = startStage;
        nextHop = call.line.firstHop(target);
        call.signalling = nextHop == null ? null : nextHop.transport();
        if (nextHop == null) {
            call.finish(new CallEnd(EndCause.TRANSPORT_ERROR, 0, "cannot resolve " + target));
            return;
        }
        offerAnswer = SdpSupport.offerAnswer(call, call.media().localPort());
        call.offerAnswer = offerAnswer;
        SessionDescription offer = offerAnswer.createOffer();
        call.setState(CallState.CALLING);
        sendInvite(offer);
    }

    private void sendInvite(SessionDescription offer) {
        PhoneCore core = call.core;
        long ringMillis = core.settings().ringTimeoutMillis();
        SipRequest sent = InviteRequest.build(call, target, ++cseq, extraHeaders, ringMillis, offer);
        if (ringMillis > 0) {
            // RFC 3261 §13.2.1: the INVITE carries the ring timeout as Expires; we enforce it ourselves too.
            if (ringTimer != null) {
                ringTimer.cancel();
            }
            ringTimer = core.scheduler().schedule(ringMillis, this::ringTimeout);
        }
        invite = sent;
        core.send(sent, nextHop, new ClientTransaction.Listener<>() {
            @Override
            public void onResponse(SipResponse response) {
                if (invite == sent) { // an earlier attempt (redirected, challenged) has nothing more to say
                    OutgoingInvite.this.onResponse(response);
                }
            }

            @Override
            public void onTimeout() {
                if (invite == sent) {
                    call.finish(new CallEnd(cancellation.wanted() ? EndCause.CANCELLED : EndCause.TIMEOUT, 408, "Request Timeout"));
                }
            }

            @Override
            public void onTransportError() {
                if (invite == sent) {
                    call.finish(new CallEnd(EndCause.TRANSPORT_ERROR, 503, "transport error"));
                }
            }
        });
    }

    private void onResponse(SipResponse r) {
        int code = r.statusCode();
        if (code < 200) {
            provisional(r);
        } else if (code < 300) {
            success(r);
        } else if (call.state() != CallState.ENDED && !call.state().isEstablished()) {
            if (code < 400) {
                redirect(r);
            } else {
                failure(r);
            }
        }
    }

    private void provisional(SipResponse r) {
        if (r.statusCode() == 100) {
            return;
        }
        cancellation.onProvisional(invite, nextHop);
        if (call.state().isEstablished() || call.state() == CallState.ENDED) {
            return; // RFC 3261 §13.2.2.1 (and forking): a late 1xx after the 2xx changes nothing.
        }
        DialogId id = DialogId.ofIncomingResponse(r);
        if (id != null && call.dialog == null) {
            // RFC 3261 §12.1.2: a 1xx with a To tag creates an early dialog.
            call.useDialog(Dialog.asUac(invite, r));
        }
        Optional<SessionDescription> sdp = SdpSupport.body(r);
        if (sdp.isPresent() && offerAnswer.state() == OfferAnswer.State.OFFER_SENT) {
            try {
                if (SdpSupport.apply(call, offerAnswer.acceptAnswer(sdp.get()))) {
                    call.setState(CallState.EARLY_MEDIA);
                    return;
                }
            } catch (NegotiationException e) {
                // Lenient: an unusable early answer is ignored; the 2xx must then carry a usable one.
            }
        }
        if (call.state() == CallState.CALLING) {
            call.setState(CallState.RINGING);
        }
    }

    private void success(SipResponse r) {
        DialogId id = DialogId.ofIncomingResponse(r);
        if (id == null) {
            return; // Lenient: a 2xx without To tag cannot be acknowledged within a dialog; ignore it.
        }
        Endpoint hop;
        if (call.dialog != null && call.dialog.state() == dev.parley.ua.internal.dialog.DialogState.CONFIRMED) {
            if (id.equals(call.dialog.id())) {
                // RFC 3261 §13.2.2.4: a retransmitted 2xx is answered with the same ACK again.
                call.core.sendAck(ack, call.line.hopFor(call.dialog, call.signalling));
            } else {
                ackAndByeFork(r);
            }
            return;
        }
        if (call.dialog == null || !call.dialog.id().equals(id)) {
            call.useDialog(Dialog.asUac(invite, r));
        } else {
            call.dialog.confirmAsUac(r);
        }
        hop = call.line.hopFor(call.dialog, call.signalling);
        // RFC 3261 §13.2.2.4: the UAC core ACKs every 2xx, outside the transaction.
        ack = DialogRequest.ackWithCredentialsOf(call.dialog.ackFor(invite, call.core.newVia()), invite);
        call.core.sendAck(ack, hop);
        if (cancellation.wanted() || call.state() == CallState.ENDED) {
            // The 2xx crossed our CANCEL: the call was answered, so it must be ended with BYE.
            InDialog.bye(call, new CallEnd(EndCause.CANCELLED, 0, "answered while being cancelled"));
            return;
        }
        boolean mediaOk = offerAnswer.state() != OfferAnswer.State.OFFER_SENT;
        if (!mediaOk) {
            Optional<SessionDescription> sdp = SdpSupport.body(r);
            try {
                mediaOk = sdp.isPresent() && SdpSupport.apply(call, offerAnswer.acceptAnswer(sdp.get()));
            } catch (NegotiationException e) {
                mediaOk = false;
            }
        }
        if (!mediaOk) {
            InDialog.bye(call, new CallEnd(EndCause.NO_COMMON_CODEC, 488, "the answer has no usable codec"));
            return;
        }
        call.setState(CallState.CONNECTED);
        call.completeStage(stage);
    }

    /** A 2xx from a second branch of a forked INVITE: acknowledge it, then end that dialog (RFC 3261 §13.2.2.4). */
    private void ackAndByeFork(SipResponse r) {
        Dialog fork = Dialog.asUac(invite, r);
        Endpoint hop = call.line.hopFor(fork, call.signalling);
        call.core.sendAck(fork.ackFor(invite, call.core.newVia()), hop);
        SipRequest bye = fork.newRequest("BYE", call.core.newVia(), null).build();
        call.core.send(bye, hop, new ClientTransaction.Listener<>() { });
    }

    /**
     * RFC 3261 §8.1.3.4: a 3xx names new targets in its Contacts: send the INVITE again to the best
     * untried one (same Call-ID, From tag and To, a new CSeq), within the redirection bound. The
     * call stays the same object; its state goes back to CALLING for the new attempt.
     */
    private void redirect(SipResponse r) {
        if (cancellation.wanted()) {
            finishFailed(r);
            return;
        }
        RedirectTargets.Verdict v = targets.onRedirect(r.contacts());
        switch (v) {
            case TOO_MANY -> finishWith(new CallEnd(EndCause.TOO_MANY_REDIRECTS, r.statusCode(),
                    "redirected more than " + call.core.settings().maxRedirects() + " times"));
            case LOOP -> finishWith(new CallEnd(EndCause.REDIRECT_LOOP, r.statusCode(),
                    "the redirect names no target not already tried"));
            case FOLLOW -> retarget();
        }
    }

    /** Starts a new attempt at the next target of the set, forgetting the early dialog of the last one. */
    private void retarget() {
        target = targets.next();
        nextHop = call.line.firstHop(target);
        call.signalling = nextHop == null ? null : nextHop.transport();
        if (nextHop == null) {
            finishWith(new CallEnd(EndCause.TRANSPORT_ERROR, 0, "cannot resolve " + target));
            return;
        }
        call.forgetDialog();
        cancellation.newAttempt();
        authRetries = 0;
        if (offerAnswer.state() == OfferAnswer.State.OFFER_SENT) {
            offerAnswer.rejectOffer();
        }
        call.setState(CallState.CALLING);
        sendInvite(offerAnswer.createOffer());
    }

    private void finishWith(CallEnd how) {
        if (offerAnswer.state() == OfferAnswer.State.OFFER_SENT) {
            offerAnswer.rejectOffer();
        }
        call.finish(how);
    }

    private void failure(SipResponse r) {
        int code = r.statusCode();
        if ((code == 401 || code == 407) && authRetries < MAX_AUTH_RETRIES && !cancellation.wanted()) {
            DigestChallenge c = DigestChallenge.best(r, code == 401 ? "WWW-Authenticate" : "Proxy-Authenticate")
                    .orElse(null);
            boolean answered = invite.hasHeader("Authorization") || invite.hasHeader("Proxy-Authorization");
            if (c != null && call.line.credentials().accept(c, code == 407, answered)) {
                // RFC 3261 §22.2: resend with credentials, a new CSeq and the same Call-ID and From tag.
                authRetries++;
                offerAnswer.rejectOffer();
                sendInvite(offerAnswer.createOffer());
                return;
            }
        }
        if (!cancellation.wanted() && targets.hasNext()) {
            // RFC 3261 §8.1.3.4: a failed redirect target: move on to the next address in the set.
            retarget();
            return;
        }
        finishFailed(r);
    }

    private void finishFailed(SipResponse r) {
        int code = r.statusCode();
        if (offerAnswer.state() == OfferAnswer.State.OFFER_SENT) {
            offerAnswer.rejectOffer();
        }
        EndCause cause = switch (code) {
            case 487 -> cancellation.wanted() ? EndCause.CANCELLED : EndCause.REMOTE_REJECTED;
            case 488, 606 -> EndCause.NO_COMMON_CODEC;
            default -> cancellation.wanted() ? EndCause.CANCELLED : EndCause.REMOTE_REJECTED;
        };
        call.finish(new CallEnd(cause, code, r.reasonPhrase()));
    }

    /**
     * Nobody answered within the ring timeout: CANCEL the INVITE (RFC 3261 §9.1; sent as soon as a
     * provisional response allows it) and end the call now. A 2xx crossing the CANCEL is ACKed
     * and ended with BYE ({@link #success}).
     */
    private void ringTimeout() {
        ringTimer = null;
        CallState s = call.state();
        if (s == CallState.CALLING || s == CallState.RINGING || s == CallState.EARLY_MEDIA) {
            cancel();
            call.finish(new CallEnd(EndCause.NO_ANSWER, 0,
                    "no answer within " + call.core.settings().ringTimeoutMillis() / 1000 + " s"));
        }
    }

    /** RFC 3261 §9.1: CANCEL only after a provisional response; until then it waits. */
    void cancel() {
        cancellation.request(invite, nextHop);
    }

    /** The call ended: fail the start stage if it is still open. */
    void stop(CallEnd how) {
        if (ringTimer != null) {
            ringTimer.cancel();
            ringTimer = null;
        }
        if (stage != null && !stage.isDone()) {
            call.failStage(stage, how);
        }
    }
}
