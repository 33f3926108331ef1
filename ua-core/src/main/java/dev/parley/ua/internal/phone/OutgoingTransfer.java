package dev.parley.ua.internal.phone;

import dev.parley.sip.message.Contact;
import dev.parley.sip.message.EventHeader;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.Parameters;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.message.SubscriptionState;
import dev.parley.sip.message.Uri;
import dev.parley.sip.transaction.ClientTransaction;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.sip.transaction.Timeout;
import dev.parley.ua.Call;
import dev.parley.ua.CallEnd;
import dev.parley.ua.CallEndedException;
import dev.parley.ua.CallState;
import dev.parley.ua.EndCause;
import dev.parley.ua.RequestFailedException;
import dev.parley.ua.TransferProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The transferor's side of a transfer (RFC 5589 §6 blind, §7 attended): hold the call (the REFER
 * leaves only once the hold is acknowledged), send REFER with Refer-To and Referred-By (RFC 3515
 * §2.4.1, RFC 3892), then follow the implicit subscription's NOTIFYs (RFC 3515 §2.4.4–§2.4.5).
 * A 2xx fragment ends the call with BYE; a failure keeps it and takes it off the hold we put it
 * on. One per call at a time; runs on the SIP thread.
 */
final class OutgoingTransfer {

    /**
     * How long the final NOTIFY may take once the REFER was accepted: long enough for the target to
     * ring for a while (RFC 3515 leaves it to the subscription's expiry; Parley bounds it here).
     */
    static final long FINAL_NOTIFY_WAIT_MILLIS = 180_000;

    private enum State { HOLDING, REFERRING, ACCEPTED, DONE }

    private final CallImpl call;
    private final Uri target;
    private final CallImpl consultation;
    private final CompletableFuture<TransferProgress> stage;
    /** CSeq numbers of our REFERs (a challenged one is resent with the next): a NOTIFY's Event id names one. */
    private final List<Long> referCseqs = new ArrayList<>(2);
    private State state = State.HOLDING;
    private boolean weHeld;
    private boolean succeeded;
    private Timeout guard;

    private OutgoingTransfer(CallImpl call, Uri target, CallImpl consultation, CompletableFuture<TransferProgress> stage) {
        this.call = call;
        this.target = target;
        this.consultation = consultation;
        this.stage = stage;
    }

    /** {@code Call.blindTransfer} ({@code consultation} null) and {@code Call.attendedTransfer}. */
    static void begin(CallImpl call, Uri target, CallImpl consultation, CompletableFuture<TransferProgress> stage) {
        if (!call.state().isEstablished()) {
            call.core.events().fail(stage, new IllegalStateException("only an established call can be transferred; this one is "
                    + call.state()));
            return;
        }
        if (call.transferOut != null && call.transferOut.state != State.DONE) {
            call.core.events().fail(stage, new IllegalStateException("a transfer of this call is in progress"));
            return;
        }
        if (consultation != null && (!consultation.state().isEstablished() || consultation.dialog == null)) {
            call.core.events().fail(stage, new IllegalStateException("the consultation call is not established; it is "
                    + consultation.state()));
            return;
        }
        OutgoingTransfer t = new OutgoingTransfer(call, target, consultation, stage);
        call.transferOut = t;
        t.hold();
    }

    boolean succeeded() {
        return succeeded;
    }

    /** RFC 5589 §6.1, §7.1: the transferee is held first; the REFER waits for the hold's 2xx. */
    private void hold() {
        if (call.state() == CallState.LOCAL_HOLD) {
            refer();
            return;
        }
        weHeld = true;
        CompletableFuture<Call> held = new CompletableFuture<>();
        call.hold.request(true, held);
        held.whenComplete((c, e) -> call.core.runtime().execute(() -> {
            if (state != State.HOLDING) {
                return;
            }
            if (e != null) {
                fail(e instanceof java.util.concurrent.CompletionException ? e.getCause() : e);
            } else {
                refer();
            }
        }));
    }

    private void refer() {
        if (call.state() == CallState.ENDED) {
            return;
        }
        state = State.REFERRING;
        NameAddr referTo = NameAddr.of(consultation == null ? target : replacesTarget(consultation));
        if (consultation != null) {
            consultation.consultationInTransfer = true;
        }
        // RFC 3892 §3: Referred-By names the referrer: our address of record, without tag.
        NameAddr referredBy = call.line.identity();
        InDialog.send(call, "REFER", b -> {
            referCseqs.add(call.dialog.localSeq());
            // RFC 3515 §2.1: exactly one Refer-To; RFC 3515 §2.4.1: REFER carries our Contact (it may create a subscription).
            b.add("Refer-To", referTo.toString())
                    .add("Referred-By", referredBy.toString())
                    .contact(new Contact(NameAddr.of(call.contactUri())));
        }, new ClientTransaction.Listener<>() {
            @Override
            public void onResponse(SipResponse r) {
                int code = r.statusCode();
                if (code < 200 || state != State.REFERRING) {
                    return;
                }
                if (code < 300) {
                    // RFC 3515 §2.4.2: 202 Accepted: NOTIFYs follow.
                    accepted();
                } else {
                    fail(new RequestFailedException(code, r.reasonPhrase()));
                }
            }

            @Override
            public void onTimeout() {
                if (state == State.REFERRING) {
                    fail(new RequestFailedException(408, "REFER timed out"));
                }
            }

            @Override
            public void onTransportError() {
                if (state == State.REFERRING) {
                    fail(new RequestFailedException(503, "REFER could not be sent"));
                }
            }
        });
    }

    /**
     * RFC 5589 §7.2 and RFC 3891 §6.1: the target's address with a Replaces header naming the
     * consultation dialog as the TARGET sees it: to-tag is its tag (our remote tag), from-tag ours.
     * The URI escapes {@code ;}, {@code =} and {@code @} in the header value (RFC 3261 §19.1.1).
     */
    static Uri replacesTarget(CallImpl consultation) {
        var id = consultation.dialog.id();
        String replaces = id.callId() + ";to-tag=" + id.remoteTag() + ";from-tag=" + id.localTag();
        Uri contact = consultation.dialog.remoteTarget();
        SipUri base = contact instanceof SipUri u ? u : (SipUri) consultation.remoteParty.uri();
        return new SipUri(base.secure(), base.user(), base.password(), base.host(), base.port(), base.params(),
                Parameters.of("Replaces", replaces));
    }

    private void accepted() {
        state = State.ACCEPTED;
        guard = call.core.scheduler().schedule(FINAL_NOTIFY_WAIT_MILLIS,
                () -> finish(new TransferProgress(408, "no final NOTIFY", true)));
    }

    /** RFC 3515 §2.4.4–§2.4.5: a NOTIFY in {@code call}'s dialog, for its transfer if it has one. */
    static void onNotify(CallImpl call, ServerTransaction<SipRequest, SipResponse> tx, SipRequest notify) {
        Optional<EventHeader> event;
        Optional<SubscriptionState> sub;
        try {
            event = notify.event();
            sub = notify.subscriptionState();
        } catch (RuntimeException e) {
            call.core.respond(tx, notify, 400, "Bad Request - Event or Subscription-State");
            return;
        }
        if (event.isEmpty() || !event.get().eventType().equalsIgnoreCase("refer")) {
            // RFC 6665 §8.3.1: an event package we did not subscribe to.
            call.core.respond(tx, notify, 489, "Bad Event");
            return;
        }
        OutgoingTransfer t = call.transferOut;
        Optional<String> id = event.get().id();
        if (t == null || t.state == State.HOLDING || t.state == State.DONE
                || (id.isPresent() && t.referCseqs.stream().noneMatch(n -> Long.toString(n).equals(id.get())))) {
            // RFC 6665 §4.1.3: a NOTIFY for no subscription we hold.
            call.core.respond(tx, notify, 481, "Subscription Does Not Exist");
            return;
        }
        t.onProgress(tx, notify, sub);
    }

    private void onProgress(ServerTransaction<SipRequest, SipResponse> tx, SipRequest notify, Optional<SubscriptionState> sub) {
        boolean terminated = sub.map(SubscriptionState::isTerminated).orElse(false);
        Optional<TransferProgress> progress = SipFrag.isSipFrag(notify.contentType())
                ? SipFrag.parse(notify.body(), terminated) : Optional.empty();
        if (progress.isEmpty()) {
            call.core.respond(tx, notify, 400, "Bad Request - message/sipfrag status line expected");
            return;
        }
        call.core.respond(tx, notify, 200, "OK");
        if (state == State.REFERRING) {
            accepted(); // Lenient: the NOTIFY overtook a lost 202; it proves the REFER was accepted.
        }
        TransferProgress p = progress.get();
        call.core.events().fire(l -> l.onTransferProgress(call, p));
        if (p.finished()) {
            finish(p);
        }
    }

    /** The outcome is known: success ends the call, anything else keeps it (RFC 5589 §6.1). */
    private void finish(TransferProgress p) {
        if (state == State.DONE) {
            return;
        }
        state = State.DONE;
        cancelGuard();
        succeeded = p.succeeded();
        call.core.events().complete(stage, p);
        if (succeeded) {
            // RFC 5589 §6.1: the transfer worked: the transferor ends its dialog with the transferee.
            InDialog.bye(call, new CallEnd(EndCause.TRANSFERRED, 0, "transferred"));
        } else {
            release();
        }
    }

    private void fail(Throwable why) {
        if (state == State.DONE) {
            return;
        }
        state = State.DONE;
        cancelGuard();
        release();
        call.core.events().fail(stage, why);
    }

    /** A failed transfer gives the call back: the consultation is no longer promised away, our hold is lifted. */
    private void release() {
        if (consultation != null) {
            consultation.consultationInTransfer = false;
        }
        if (weHeld && call.state() == CallState.LOCAL_HOLD) {
            call.hold.request(false, new CompletableFuture<>());
        }
    }

    private void cancelGuard() {
        if (guard != null) {
            guard.cancel();
            guard = null;
        }
    }

    /** The call ended: the stage fails unless the outcome was already known. */
    void stop(CallEnd how) {
        cancelGuard();
        if (state != State.DONE) {
            state = State.DONE;
            if (consultation != null) {
                consultation.consultationInTransfer = false;
            }
            call.core.events().fail(stage, new CallEndedException(how));
        }
    }
}
