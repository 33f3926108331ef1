package dev.parley.ua.internal.phone;

import dev.parley.codecs.AudioCodec;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.Uri;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.ua.AudioSink;
import dev.parley.ua.AudioSource;
import dev.parley.ua.Call;
import dev.parley.ua.CallDirection;
import dev.parley.ua.CallEnd;
import dev.parley.ua.CallEndedException;
import dev.parley.ua.CallState;
import dev.parley.ua.DtmfEvent;
import dev.parley.ua.EndCause;
import dev.parley.ua.MediaStatistics;
import dev.parley.ua.Party;
import dev.parley.ua.PhoneLine;
import dev.parley.ua.internal.dialog.Dialog;
import dev.parley.ua.internal.dialog.DialogId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A call as the application sees it: the public {@link Call} methods hop onto the SIP thread, where
 * the INVITE usage ({@link OutgoingInvite} or {@link IncomingInvite}) and the dialog do the work.
 * This class holds what both directions share: state, end, dialog, media and the futures.
 */
public final class CallImpl implements Call {

    final PhoneCore core;
    final LineImpl line;
    private final CallDirection direction;
    private final String callId;
    final NameAddr localParty;
    final NameAddr remoteParty;
    private volatile CallState state = CallState.IDLE;
    private volatile CallEnd end;
    private final CompletableFuture<CallEnd> ended = new CompletableFuture<>();
    volatile CallMedia media;
    Dialog dialog;
    /** The call's one offer/answer session (RFC 3264 §8: later offers keep the o= line, version + 1). */
    dev.parley.sdp.OfferAnswer offerAnswer;
    /** The capabilities {@link #offerAnswer} was made with (hold offers derive from them). */
    dev.parley.sdp.LocalCapabilities capabilities;
    final HoldControl hold = new HoldControl(this);
    private final DtmfSender dtmfSender = new DtmfSender(this);
    /** The conference this call is in, if any (a call is in at most one). */
    final java.util.concurrent.atomic.AtomicReference<ConferenceImpl> conference = new java.util.concurrent.atomic.AtomicReference<>();
    /** RFC 3261 §13.3.1.4: our 2xx to the peer's last re-INVITE, resent until its ACK (CSeq number below). */
    dev.parley.ua.internal.dialog.TwoXxRetransmitter reInviteAnswer;
    long reInviteAnswerCseq;
    private DialogId registeredDialog;
    private OutgoingInvite outgoing;
    private IncomingInvite incoming;
    /** Our REFER of this call, if we transfer it (RFC 3515). */
    OutgoingTransfer transferOut;
    /** The peer's REFER of this call, if it transfers us (RFC 3515 §2.4). */
    IncomingTransfer transferIn;
    /** Set while this call is the consultation whose dialog an attended transfer's Replaces names. */
    boolean consultationInTransfer;
    /** A usage that follows this call's states on the SIP thread (a transfer watching the call it made). */
    private java.util.function.Consumer<CallState> watcher;

    private CallImpl(PhoneCore core, LineImpl line, CallDirection direction, String callId, NameAddr local, NameAddr remote) {
        this.core = core;
        this.line = line;
        this.direction = direction;
        this.callId = callId;
        this.localParty = local;
        this.remoteParty = remote;
    }

    /** A new outgoing call in state IDLE. */
    static CallImpl outgoing(PhoneCore core, LineImpl line, Uri target) {
        return outgoing(core, line, target, java.util.List.of());
    }

    /** A new outgoing call whose INVITE also carries {@code extraHeaders} (a transfer's Referred-By, Replaces). */
    static CallImpl outgoing(PhoneCore core, LineImpl line, Uri target, java.util.List<dev.parley.sip.message.SipHeader> extraHeaders) {
        NameAddr local = line.identity().withTag(core.newTag());
        CallImpl call = new CallImpl(core, line, CallDirection.OUTGOING, core.newCallId(), local, NameAddr.of(target));
        call.outgoing = new OutgoingInvite(call, target, extraHeaders);
        return call;
    }

    /** An INVITE arrived for {@code line}: the call is created and rung, or refused at once. */
    static void incoming(PhoneCore core, LineImpl line, ServerTransaction<SipRequest, SipResponse> tx, SipRequest invite) {
        String tag = core.newTag();
        CallImpl call = new CallImpl(core, line, CallDirection.INCOMING, invite.callId(), invite.to().withTag(tag),
                invite.from());
        call.incoming = new IncomingInvite(call, tx, invite, tag, null);
        core.callStarted(call);
        call.incoming.arrive();
    }

    /**
     * An INVITE with Replaces (RFC 3891 §3) that matched {@code replaced}: the new call is answered
     * at once and, once answered, takes the place (and the audio) of the replaced one.
     */
    static void replacing(PhoneCore core, CallImpl replaced, ServerTransaction<SipRequest, SipResponse> tx, SipRequest invite) {
        String tag = core.newTag();
        CallImpl call = new CallImpl(core, replaced.line, CallDirection.INCOMING, invite.callId(), invite.to().withTag(tag),
                invite.from());
        call.incoming = new IncomingInvite(call, tx, invite, tag, replaced);
        call.watch(new IncomingReplaces(replaced, call)::onState);
        core.callStarted(call);
        call.incoming.arrive();
    }

    void watch(java.util.function.Consumer<CallState> w) {
        watcher = w;
    }

    // ------------------------------------------------------------------ state shared by both usages

    void setState(CallState next) {
        if (state == next || state == CallState.ENDED) {
            return;
        }
        state = next;
        core.events().fire(l -> l.onCallStateChanged(this, next));
        if (watcher != null) {
            watcher.accept(next);
        }
    }

    /** Ends the call once: stops media, forgets the dialog, reports ENDED and completes the stages. */
    void finish(CallEnd how) {
        if (state == CallState.ENDED) {
            return;
        }
        end = how;
        if (transferIn != null) {
            transferIn.oldCallEnding(); // the call to the transfer target keeps our audio
        }
        ConferenceImpl conf = conference.get();
        if (conf != null) {
            conf.remove(this); // an ended call leaves its conference at once
        }
        if (media != null) {
            media.close();
        }
        if (dialog != null) {
            dialog.terminate();
        }
        if (outgoing != null) {
            outgoing.stop(how);
        }
        if (incoming != null) {
            incoming.stop(how);
        }
        if (reInviteAnswer != null) {
            reInviteAnswer.stop();
        }
        hold.stop(how);
        dtmfSender.stop(new CallEndedException(how));
        if (transferOut != null) {
            transferOut.stop(how);
        }
        if (transferIn != null) {
            transferIn.stop();
        }
        core.callEnded(this);
        line.callEnded(this);
        state = CallState.ENDED;
        core.events().fire(l -> l.onCallStateChanged(this, CallState.ENDED));
        core.events().complete(ended, how);
        if (watcher != null) {
            watcher.accept(CallState.ENDED);
        }
    }

    /** Whether a BYE from the peer ends this call as transferred rather than hung up. */
    boolean transferredAway() {
        return consultationInTransfer || (transferOut != null && transferOut.succeeded())
                || (transferIn != null && transferIn.pendingOrSucceeded());
    }

    /** RFC 3515 §2.4.4: a NOTIFY in this dialog reports the progress of our REFER; else 481 (RFC 6665 §4.1.3). */
    void onNotify(ServerTransaction<SipRequest, SipResponse> tx, SipRequest notify) {
        OutgoingTransfer.onNotify(this, tx, notify);
    }

    void failStage(CompletableFuture<Call> stage, CallEnd how) {
        core.events().fail(stage, new CallEndedException(how));
    }

    void completeStage(CompletableFuture<Call> stage) {
        core.events().complete(stage, this);
    }

    /** Registers the dialog so in-dialog requests reach this call (once per dialog id). */
    void useDialog(Dialog d) {
        dialog = d;
        if (!d.id().equals(registeredDialog)) {
            if (registeredDialog != null) {
                core.dialogs().remove(registeredDialog);
            }
            registeredDialog = d.id();
            core.dialogs().add(d.id(), this);
        }
    }

    /** A new attempt (redirect) starts: the early dialog of the last one no longer applies. */
    void forgetDialog() {
        if (registeredDialog != null) {
            core.dialogs().remove(registeredDialog);
            registeredDialog = null;
        }
        dialog = null;
    }

    CallMedia media() {
        if (media == null) {
            media = new CallMedia(core, localParty.uri().toString(), packed -> dtmf(packed >>> 16, packed & 0xFFFF));
        }
        return media;
    }

    private void dtmf(int event, int durationMillis) {
        if (event >= 0 && event < 16) {
            char digit = "0123456789*#ABCD".charAt(event);
            DtmfEvent e = new DtmfEvent(digit, durationMillis);
            core.events().fire(l -> l.onDtmf(this, e));
        }
    }

    DialogId dialogId() {
        return registeredDialog;
    }

    // ------------------------------------------------------------------ requests inside the dialog

    void onInDialogRequest(ServerTransaction<SipRequest, SipResponse> tx, SipRequest request) {
        if (dialog.onRemoteRequest(request) == Dialog.Verdict.OUT_OF_ORDER) {
            // RFC 3261 §12.2.2: a lower CSeq than the last one is out of order.
            core.respond(tx, request, 500, "Server Internal Error - CSeq out of order");
            return;
        }
        InDialog.handle(this, tx, request);
    }

    void onAck(SipRequest ack) {
        if (reInviteAnswer != null && ack.cseq().number() == reInviteAnswerCseq) {
            reInviteAnswer.acknowledged();
            reInviteAnswer = null;
            return;
        }
        if (incoming != null) {
            incoming.onAck(ack);
        }
    }

    void onCancel() {
        if (incoming != null) {
            incoming.onCancel();
        }
    }

    void onServerTimeout() {
        finish(new CallEnd(EndCause.TIMEOUT, 408, "no ACK"));
    }

    void onServerTransportError() {
        finish(new CallEnd(EndCause.TRANSPORT_ERROR, 503, "response could not be sent"));
    }

    // ------------------------------------------------------------------ public API

    @Override
    public String id() {
        return callId;
    }

    @Override
    public PhoneLine line() {
        return line;
    }

    @Override
    public CallDirection direction() {
        return direction;
    }

    @Override
    public Party remote() {
        return party(remoteParty);
    }

    @Override
    public Party local() {
        return party(localParty);
    }

    private static Party party(NameAddr a) {
        return new Party(a.displayName() == null ? "" : a.displayName(), a.uri().toString());
    }

    @Override
    public CallState state() {
        return state;
    }

    @Override
    public Optional<String> requestHeader(String name) {
        return incoming == null ? Optional.empty() : incoming.invite().header(name);
    }

    @Override
    public Optional<CallEnd> end() {
        return Optional.ofNullable(end);
    }

    @Override
    public CompletionStage<CallEnd> ended() {
        return ended.minimalCompletionStage();
    }

    @Override
    public Optional<AudioCodec> codec() {
        CallMedia m = media;
        return m == null ? Optional.empty() : Optional.ofNullable(m.codec());
    }

    @Override
    public void audioSource(AudioSource source) {
        core.runtime().execute(() -> {
            if (state == CallState.ENDED) {
                source.close();
            } else {
                media().source(source);
            }
        });
    }

    @Override
    public void audioSink(AudioSink sink) {
        core.runtime().execute(() -> {
            if (state == CallState.ENDED) {
                sink.close();
            } else {
                media().sink(sink);
            }
        });
    }

    @Override
    public CompletionStage<Call> start() {
        CompletableFuture<Call> stage = new CompletableFuture<>();
        core.runtime().execute(() -> {
            if (outgoing == null || state != CallState.IDLE) {
                core.events().fail(stage, new IllegalStateException("only an outgoing IDLE call can start; this one is " + state));
                return;
            }
            startOnSipThread(stage);
        });
        return stage.minimalCompletionStage();
    }

    /** Starts an outgoing IDLE call; the caller is on the SIP thread. */
    void startOnSipThread(CompletableFuture<Call> stage) {
        core.callStarted(this);
        line.callStarted(this);
        outgoing.start(stage);
    }

    /**
     * Gives this call the audio source and sink of {@code from} where it has none of its own, so a
     * conversation goes on when a transfer or a Replaces moves it to a new call. Those are then no
     * longer closed with {@code from}.
     */
    void takeAudioFrom(CallImpl from) {
        if (from.media != null) {
            media().takeAudioFrom(from.media);
        }
        ConferenceImpl conf = from.conference.get();
        if (conf != null) {
            conf.handOver(from, this); // the new call also takes the old one's place in its conference
        }
    }

    @Override
    public CompletionStage<dev.parley.ua.TransferProgress> blindTransfer(String target) {
        Uri uri;
        try {
            uri = line.targetUri(target);
        } catch (dev.parley.sip.message.SipParseException e) {
            throw new IllegalArgumentException("not a URI: " + target, e);
        }
        CompletableFuture<dev.parley.ua.TransferProgress> stage = new CompletableFuture<>();
        core.runtime().execute(() -> OutgoingTransfer.begin(this, uri, null, stage));
        return stage.minimalCompletionStage();
    }

    @Override
    public CompletionStage<dev.parley.ua.TransferProgress> attendedTransfer(Call consultation) {
        if (!(consultation instanceof CallImpl other) || other.core != core) {
            throw new IllegalArgumentException("the consultation call must be a call of the same phone");
        }
        if (other == this) {
            throw new IllegalArgumentException("a call cannot be transferred to itself");
        }
        CompletableFuture<dev.parley.ua.TransferProgress> stage = new CompletableFuture<>();
        core.runtime().execute(() -> OutgoingTransfer.begin(this, null, other, stage));
        return stage.minimalCompletionStage();
    }

    @Override
    public CompletionStage<Call> answer() {
        CompletableFuture<Call> stage = new CompletableFuture<>();
        core.runtime().execute(() -> {
            if (incoming == null || state != CallState.INCOMING) {
                core.events().fail(stage, new IllegalStateException("only an INCOMING call can be answered; this one is " + state));
                return;
            }
            incoming.answer(stage);
        });
        return stage.minimalCompletionStage();
    }

    @Override
    public CompletionStage<CallEnd> reject(int statusCode) {
        if (statusCode < 400 || statusCode > 699) {
            throw new IllegalArgumentException("reject with a 4xx-6xx status, not " + statusCode);
        }
        core.runtime().execute(() -> {
            if (incoming != null && state == CallState.INCOMING) {
                incoming.reject(statusCode);
            }
        });
        return ended.minimalCompletionStage();
    }

    @Override
    public CompletionStage<CallEnd> redirect(java.util.List<String> targets) {
        java.util.List<Uri> uris = RedirectTargets.parse(targets, line.config().domain());
        core.runtime().execute(() -> {
            if (incoming != null && state == CallState.INCOMING) {
                incoming.redirect(uris);
            }
        });
        return ended.minimalCompletionStage();
    }

    @Override
    public CompletionStage<Call> hold() {
        return changeHold(true);
    }

    @Override
    public CompletionStage<Call> unhold() {
        return changeHold(false);
    }

    private CompletionStage<Call> changeHold(boolean on) {
        CompletableFuture<Call> stage = new CompletableFuture<>();
        core.runtime().execute(() -> hold.request(on, stage));
        return stage.minimalCompletionStage();
    }

    @Override
    public CompletionStage<Call> sendDtmf(String digits) {
        return sendDtmf(digits, DEFAULT_DTMF_MILLIS);
    }

    @Override
    public CompletionStage<Call> sendDtmf(String digits, int durationMillis) {
        DtmfSender.check(digits, durationMillis);
        CompletableFuture<Call> stage = new CompletableFuture<>();
        core.runtime().execute(() -> dtmfSender.send(digits, durationMillis, stage));
        return stage.minimalCompletionStage();
    }

    /** RTP counters of this call's media, or empty before media was opened (for tests and diagnostics). */
    public Optional<dev.parley.rtp.SessionStatistics> rtpStatistics() {
        CallMedia m = media;
        return m == null ? Optional.empty() : Optional.ofNullable(m.statistics());
    }

    @Override
    public Optional<MediaStatistics> mediaStatistics() {
        CallMedia m = media;
        AudioCodec c = m == null ? null : m.codec();
        return rtpStatistics().map(s -> MediaFigures.of(s, c == null ? 8000 : c.rtpClockRate()));
    }

    @Override
    public CompletionStage<CallEnd> hangUp() {
        core.runtime().execute(() -> {
            switch (state) {
                case ENDED -> { }
                case IDLE -> finish(CallEnd.of(EndCause.LOCAL_HANGUP, "never started"));
                case INCOMING -> incoming.reject(603);
                case CALLING, RINGING, EARLY_MEDIA -> outgoing.cancel();
                default -> InDialog.bye(this, new CallEnd(EndCause.LOCAL_HANGUP, 0, "hung up"));
            }
        });
        return ended.minimalCompletionStage();
    }

    /**
     * Another call took this one's place (RFC 3891 §3): a confirmed dialog ends with BYE, an early
     * one we initiated with CANCEL.
     */
    void endAsReplaced() {
        CallEnd how = CallEnd.of(EndCause.REPLACED, "replaced by another call");
        switch (state) {
            case ENDED -> { }
            case CALLING, RINGING, EARLY_MEDIA -> {
                outgoing.cancel();
                finish(how);
            }
            case IDLE, INCOMING -> finish(how);
            default -> InDialog.bye(this, how);
        }
    }

    /** The phone is closing: end the call at once, telling the peer (BYE, CANCEL or 480). */
    public void closeForShutdown() {
        CallEnd how = CallEnd.of(EndCause.PHONE_CLOSED, "phone closed");
        switch (state) {
            case ENDED -> { }
            case CALLING, RINGING, EARLY_MEDIA -> {
                outgoing.cancel();
                finish(how);
            }
            case IDLE, INCOMING -> finish(how);
            default -> InDialog.bye(this, how);
        }
    }

    @Override
    public String toString() {
        return "Call " + callId + " " + direction + " " + state + (end == null ? "" : " " + end);
    }
}
