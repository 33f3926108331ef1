package dev.parley.ua.internal.phone;

import dev.parley.sdp.Direction;
import dev.parley.sdp.LocalCapabilities;
import dev.parley.sdp.MediaCapability;
import dev.parley.sdp.NegotiatedMedia;
import dev.parley.sdp.NegotiationException;
import dev.parley.sdp.OfferAnswer;
import dev.parley.sdp.SessionDescription;
import dev.parley.sip.message.Contact;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transaction.Timeout;
import dev.parley.ua.Call;
import dev.parley.ua.CallEnd;
import dev.parley.ua.CallState;
import dev.parley.ua.EndCause;
import dev.parley.ua.RequestFailedException;
import dev.parley.ua.internal.dialog.GlareTimer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Hold and unhold of one established call (RFC 3264 §8.4): our re-INVITEs that change the
 * direction (RFC 3261 §14.1, with the 491 glare retry), and the hold the peer's offers put us in.
 * The call's state follows: {@code LOCAL_HOLD} while our hold is in force, else
 * {@code REMOTE_HOLD} while the peer's is, else {@code CONNECTED}. Runs on the SIP thread only.
 */
final class HoldControl {

    private final CallImpl call;
    /** Our hold as the last completed exchange left it. */
    private boolean localHold;
    /** Whether the peer's last offer put us on hold. */
    private boolean remoteHold;
    /** What the re-INVITE in flight (or waiting for its glare retry) asks for. */
    private boolean wanted;
    private boolean busy;
    private SipRequest reInvite;
    /** Identifies the re-INVITE exchange in flight (its retries with credentials included). */
    private Object attempt;
    private SipRequest ack;
    private Timeout glareRetry;
    private final List<CompletableFuture<Call>> waiting = new ArrayList<>(2);

    HoldControl(CallImpl call) {
        this.call = call;
    }

    /** The state an established call shows. */
    CallState establishedState() {
        return localHold ? CallState.LOCAL_HOLD : remoteHold ? CallState.REMOTE_HOLD : CallState.CONNECTED;
    }

    /** {@code Call.hold()} / {@code Call.unhold()}: completes when the peer accepted the new direction. */
    void request(boolean hold, CompletableFuture<Call> stage) {
        if (!call.state().isEstablished()) {
            call.core.events().fail(stage, new IllegalStateException("only an established call can be held; this one is "
                    + call.state()));
            return;
        }
        if (busy) {
            if (wanted == hold) {
                waiting.add(stage); // the same change is already on its way
            } else {
                call.core.events().fail(stage, new IllegalStateException("a " + (wanted ? "hold" : "unhold")
                        + " is in progress"));
            }
            return;
        }
        if (localHold == hold) {
            call.completeStage(stage);
            return;
        }
        wanted = hold;
        busy = true;
        waiting.add(stage);
        sendReInvite();
    }

    private void sendReInvite() {
        glareRetry = null;
        OfferAnswer oa = call.offerAnswer;
        if (call.state() == CallState.ENDED) {
            return;
        }
        if (oa.state() == OfferAnswer.State.OFFER_SENT) {
            retryLater(); // Lenient: the peer's offer in its 2xx/ACK is still open; try again shortly.
            return;
        }
        byte[] offer = offer(oa).toBytes();
        ack = null;
        Object attempt = new Object();
        this.attempt = attempt;
        // RFC 3261 §22.2: a challenged re-INVITE goes again with credentials (DialogRequest); its 2xx
        // is acknowledged for whichever request got it.
        DialogRequest.send(call, "INVITE", b -> b
                .contact(new Contact(NameAddr.of(call.contactUri())))
                .add("Allow", PhoneCore.ALLOW)
                .body(SdpSupport.CONTENT_TYPE, offer), new DialogRequest.Listener() {
                    @Override
                    public void sent(SipRequest request) {
                        if (HoldControl.this.attempt == attempt) {
                            reInvite = request;
                        }
                    }

                    @Override
                    public void onResponse(SipResponse r) {
                        if (HoldControl.this.attempt == attempt) {
                            HoldControl.this.onResponse(r);
                        }
                    }

                    @Override
                    public void onTimeout() {
                        if (HoldControl.this.attempt == attempt) {
                            // RFC 3261 §14.1: a re-INVITE that times out (408) ends the dialog with BYE.
                            InDialog.bye(call, new CallEnd(EndCause.TIMEOUT, 408, "re-INVITE timed out"));
                        }
                    }

                    @Override
                    public void onTransportError() {
                        if (HoldControl.this.attempt == attempt) {
                            InDialog.bye(call, new CallEnd(EndCause.TRANSPORT_ERROR, 503, "re-INVITE transport error"));
                        }
                    }
                });
    }

    /**
     * RFC 3264 §8.4: hold offers sendonly, or inactive when the peer already holds us (our stream
     * was recvonly); unhold offers sendrecv. The o= version goes up because the content changed.
     */
    private SessionDescription offer(OfferAnswer oa) {
        oa.hold(wanted);
        if (!(wanted && remoteHold)) {
            return oa.createOffer();
        }
        LocalCapabilities caps = call.capabilities;
        List<MediaCapability> recvOnly = new ArrayList<>();
        for (MediaCapability m : caps.media()) {
            recvOnly.add(m.withDirection(m.direction().intersect(Direction.RECVONLY)));
        }
        oa.updateCapabilities(caps.withMedia(recvOnly));
        try {
            return oa.createOffer();
        } finally {
            oa.updateCapabilities(caps);
        }
    }

    private void onResponse(SipResponse r) {
        int code = r.statusCode();
        if (code < 200 || call.state() == CallState.ENDED) {
            return;
        }
        if (code < 300) {
            success(r);
            return;
        }
        OfferAnswer oa = call.offerAnswer;
        if (oa.state() == OfferAnswer.State.OFFER_SENT) {
            oa.rejectOffer();
        }
        oa.hold(localHold); // answers to the peer's offers keep the hold in force, not the one asked for
        if (code == 491) {
            retryLater();
        } else if (code == 408 || code == 481) {
            // RFC 3261 §14.1: 481 or 408 to a re-INVITE means the dialog is gone: end it with BYE.
            InDialog.bye(call, new CallEnd(code == 481 ? EndCause.REMOTE_HANGUP : EndCause.TIMEOUT, code, r.reasonPhrase()));
        } else {
            // RFC 3261 §14.1: any other failure leaves the session as it was before the re-INVITE.
            done(new RequestFailedException(code, r.reasonPhrase()));
        }
    }

    /** RFC 3261 §14.1: after 491, wait (2.1-4 s if we own the Call-ID, else 0-2 s) and offer again. */
    private void retryLater() {
        long delay = GlareTimer.retryDelayMillis(call.direction() == dev.parley.ua.CallDirection.OUTGOING,
                call.core.settings().random());
        glareRetry = call.core.scheduler().schedule(delay, this::sendReInvite);
    }

    private void success(SipResponse r) {
        if (ack != null) {
            // RFC 3261 §13.2.2.4: a retransmitted 2xx gets the same ACK again.
            call.core.sendAck(ack, call.line.hopFor(call.dialog, call.signalling));
            return;
        }
        call.dialog.onTargetRefreshResponse(r);
        ack = DialogRequest.ackWithCredentialsOf(call.dialog.ackFor(reInvite, call.core.newVia()), reInvite);
        call.core.sendAck(ack, call.line.hopFor(call.dialog, call.signalling));
        OfferAnswer oa = call.offerAnswer;
        Optional<SessionDescription> answer = SdpSupport.body(r);
        boolean usable;
        try {
            usable = oa.state() == OfferAnswer.State.OFFER_SENT && answer.isPresent()
                    && SdpSupport.apply(call, oa.acceptAnswer(answer.get()));
        } catch (NegotiationException e) {
            usable = false;
        }
        if (!usable) {
            // RFC 3261 §14.1 leaves the choice to the UA: an unusable answer to our offer ends the call.
            InDialog.bye(call, new CallEnd(EndCause.NO_COMMON_CODEC, 488, "unusable answer to re-INVITE"));
            return;
        }
        localHold = wanted;
        call.setState(establishedState());
        done(null);
    }

    /** The peer's offer was answered (RFC 3264 §8.4): it holds us when it stopped sending to us. */
    void onPeerOfferAnswered(List<NegotiatedMedia> negotiated) {
        Optional<NegotiatedMedia> audio = SdpSupport.audio(negotiated);
        remoteHold = audio.isPresent() && audio.get().remoteHold();
        call.setState(establishedState());
    }

    private void done(RuntimeException failure) {
        busy = false;
        for (CompletableFuture<Call> stage : waiting) {
            if (failure == null) {
                call.completeStage(stage);
            } else {
                call.core.events().fail(stage, failure);
            }
        }
        waiting.clear();
    }

    /** The call ended: no retry is left pending and every waiting stage fails. */
    void stop(CallEnd how) {
        if (glareRetry != null) {
            glareRetry.cancel();
            glareRetry = null;
        }
        reInvite = null;
        attempt = null;
        done(new dev.parley.ua.CallEndedException(how));
    }
}
