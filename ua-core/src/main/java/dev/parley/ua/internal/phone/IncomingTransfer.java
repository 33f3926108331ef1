package dev.parley.ua.internal.phone;

import dev.parley.sip.message.Contact;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.Parameters;
import dev.parley.sip.message.SipHeader;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.transaction.ClientTransaction;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.sip.transaction.Timeout;
import dev.parley.ua.CallEnd;
import dev.parley.ua.CallState;
import dev.parley.ua.EndCause;
import dev.parley.ua.TransferProgress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The transferee's side (RFC 3515 §2.4.2–§2.4.5, RFC 5589 §6–§7): a REFER inside our call is
 * accepted with 202 (unless the line refuses transfers: 603), a new call goes to the Refer-To
 * target carrying Referred-By (and Replaces, for an attended transfer), and NOTIFYs with a
 * {@code message/sipfrag} status line report its progress, one at a time so they arrive in CSeq
 * order. Once the new call is answered it takes over the audio and the old call ends. Runs on
 * the SIP thread.
 */
final class IncomingTransfer {

    /** RFC 3515 §2.4.4 / RFC 6665: the implicit subscription's lifetime, told in Subscription-State. */
    static final int SUBSCRIPTION_SECONDS = 60;
    /**
     * After the final NOTIFY the transferor normally sends BYE (RFC 5589 §6.1); if it has not after
     * this long, we end the old call ourselves. Waiting avoids two BYEs crossing.
     */
    static final long BYE_GRACE_MILLIS = 2_000;
    /** NOTIFYs waiting for the one in flight: 100, 180 and the final one fit. */
    private static final int MAX_QUEUED_NOTIFIES = 4;

    private final CallImpl call;
    private final CallImpl target;
    private final long referCseq;
    private final ArrayDeque<TransferProgress> queue = new ArrayDeque<>(MAX_QUEUED_NOTIFIES);
    private boolean sending;
    private boolean ringingReported;
    private boolean finalQueued;
    private boolean succeeded;
    private boolean stopped;
    private Timeout byeGrace;

    private IncomingTransfer(CallImpl call, CallImpl target, long referCseq) {
        this.call = call;
        this.target = target;
        this.referCseq = referCseq;
    }

    /** A REFER arrived in {@code call}'s dialog. */
    static void onRefer(CallImpl call, ServerTransaction<SipRequest, SipResponse> tx, SipRequest refer) {
        PhoneCore core = call.core;
        NameAddr referTo;
        try {
            // RFC 3515 §2.4.1: a REFER carries exactly one Refer-To; otherwise 400.
            if (refer.headerValues("Refer-To").size() != 1) {
                throw new IllegalArgumentException("one Refer-To expected");
            }
            referTo = refer.referTo().orElseThrow();
        } catch (RuntimeException e) {
            core.respond(tx, refer, 400, "Bad Request - Refer-To");
            return;
        }
        if (!(referTo.uri() instanceof SipUri uri)) {
            // RFC 3515 §2.4.2: a Refer-To we cannot act on is refused; Parley calls sip: and sips: URIs only.
            core.respond(tx, refer, 416, "Unsupported URI Scheme");
            return;
        }
        Optional<String> replaces = uri.headers().get("Replaces");
        if (uri.headers().size() > (replaces.isPresent() ? 1 : 0) || replaces.map(IncomingTransfer::unsafe).orElse(false)) {
            // Lenient: of the URI's headers (RFC 3261 §19.1.5) only Replaces is taken; others, or control characters, refuse it.
            core.respond(tx, refer, 400, "Bad Request - Refer-To headers");
            return;
        }
        if (!call.state().isEstablished()) {
            core.respond(tx, refer, 403, "Forbidden - call not established");
            return;
        }
        if (!call.line.acceptTransfers()) {
            // RFC 3515 §2.4.2: the recipient may refuse the REFER.
            core.respond(tx, refer, 603, "Decline");
            return;
        }
        if (call.transferIn != null && !call.transferIn.stopped && !call.transferIn.finalQueued) {
            core.respond(tx, refer, 491, "Request Pending");
            return;
        }
        // RFC 3515 §2.4.2: accepted: 202, then NOTIFYs tell how the new request is doing.
        core.respond(tx, refer, 202, "Accepted");
        List<SipHeader> extra = new ArrayList<>(2);
        // RFC 3892 §3: the triggered request copies Referred-By; RFC 3891 §4: Replaces from the Refer-To URI.
        refer.header("Referred-By").ifPresent(v -> extra.add(new SipHeader("Referred-By", v)));
        replaces.ifPresent(v -> extra.add(new SipHeader("Replaces", v)));
        SipUri plain = new SipUri(uri.secure(), uri.user(), uri.password(), uri.host(), uri.port(), uri.params(),
                Parameters.EMPTY);
        CallImpl next = NewCalls.outgoing(core, call.line, plain, extra);
        IncomingTransfer t = new IncomingTransfer(call, next, refer.cseq().number());
        call.transferIn = t;
        next.watch(t::onTargetState);
        call.line.replacementCall(call, next);
        // RFC 3515 §2.4.4: the first NOTIFY follows the 202 at once, "100 Trying".
        t.report(new TransferProgress(100, "Trying", false));
        next.startOnSipThread(new CompletableFuture<>());
    }

    private static boolean unsafe(String headerValue) {
        return headerValue.length() > 512 || headerValue.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** Whether the call to the target is answered or still under way (so the old call counts as transferred). */
    boolean pendingOrSucceeded() {
        return succeeded || (!finalQueued && !stopped);
    }

    /**
     * The old call is ending before the target answered (RFC 5589 §6.1 lets the transferor hang
     * up once the REFER is accepted): the call to the target takes the audio now, before the old
     * call's media closes it.
     */
    void oldCallEnding() {
        if (!succeeded && !finalQueued && target.state() != CallState.ENDED) {
            target.takeAudioFrom(call);
        }
    }

    /** How the call to the target is doing, as NOTIFY fragments (RFC 3515 §2.4.5). */
    private void onTargetState(CallState state) {
        if (finalQueued) {
            return;
        }
        switch (state) {
            case RINGING, EARLY_MEDIA -> {
                if (!ringingReported) {
                    ringingReported = true;
                    report(state == CallState.RINGING ? new TransferProgress(180, "Ringing", false)
                            : new TransferProgress(183, "Session Progress", false));
                }
            }
            case CONNECTED -> {
                succeeded = true;
                if (call.state() != CallState.ENDED) {
                    target.takeAudioFrom(call);
                }
                report(new TransferProgress(200, "OK", true));
            }
            case ENDED -> {
                CallEnd end = target.end().orElse(CallEnd.of(EndCause.TIMEOUT, "ended"));
                int code = end.statusCode() >= 300 ? end.statusCode()
                        : end.cause() == EndCause.TIMEOUT ? 408 : 503;
                String reason = end.statusCode() >= 300 ? end.reason() : end.cause() == EndCause.TIMEOUT
                        ? "Request Timeout" : "Service Unavailable";
                report(new TransferProgress(code, reason, true));
            }
            default -> { }
        }
    }

    private void report(TransferProgress p) {
        if (stopped) {
            return;
        }
        finalQueued |= p.finished();
        call.core.events().fire(l -> l.onTransferProgress(call, p));
        if (queue.size() < MAX_QUEUED_NOTIFIES || p.finished()) {
            queue.add(p);
        }
        if (!sending) {
            sendNext();
        }
    }

    private void sendNext() {
        TransferProgress p = queue.poll();
        if (p == null || stopped || call.state() == CallState.ENDED) {
            return;
        }
        sending = true;
        // RFC 3515 §2.4.6: Event: refer;id=<CSeq of the REFER>; RFC 6665 §4.1.3: Subscription-State.
        String subscription = p.finished() ? "terminated;reason=noresource" : "active;expires=" + SUBSCRIPTION_SECONDS;
        InDialog.send(call, "NOTIFY", b -> b.add("Event", "refer;id=" + referCseq)
                .add("Subscription-State", subscription)
                .contact(new Contact(NameAddr.of(call.contactUri())))
                .body(SipFrag.CONTENT_TYPE, SipFrag.statusLine(p.statusCode(), p.reason())),
                new ClientTransaction.Listener<>() {
                    @Override
                    public void onResponse(SipResponse r) {
                        if (r.statusCode() >= 200) {
                            sent(p, r.statusCode());
                        }
                    }

                    @Override
                    public void onTimeout() {
                        sent(p, 408);
                    }

                    @Override
                    public void onTransportError() {
                        sent(p, 503);
                    }
                });
    }

    private void sent(TransferProgress p, int status) {
        sending = false;
        if (status == 481) {
            queue.clear(); // RFC 6665 §4.1.2.4 (mirrored): the transferor no longer wants to hear
        }
        if (p.finished() && succeeded) {
            byeGrace = call.core.scheduler().schedule(BYE_GRACE_MILLIS, () -> {
                byeGrace = null;
                if (call.state().isEstablished()) {
                    InDialog.bye(call, new CallEnd(EndCause.TRANSFERRED, 0, "transferred"));
                }
            });
            return;
        }
        sendNext();
    }

    /** The old call ended: nothing more can be reported in its dialog; the new call goes on. */
    void stop() {
        stopped = true;
        queue.clear();
        if (byeGrace != null) {
            byeGrace.cancel();
            byeGrace = null;
        }
    }
}
