package dev.parley.ua.internal.phone;

import dev.parley.codecs.AudioCodec;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.Uri;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.sip.transport.TransportKind;
import dev.parley.ua.AudioSink;
import dev.parley.ua.AudioSource;
import dev.parley.ua.Call;
import dev.parley.ua.CallDirection;
import dev.parley.ua.CallEnd;
import dev.parley.ua.CallEndedException;
import dev.parley.ua.CallState;
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
 * This class holds what both directions share: the call's state machine and its events, the end,
 * the dialog and the futures. The rest lives with its idea: requests inside the dialog in
 * {@link InDialog}, how a call ends in {@link CallEnding}, audio in {@link CallAudio}, transfers in
 * {@link CallTransfers}, {@link OutgoingTransfer} and {@link IncomingTransfer}, hold in
 * {@link HoldControl}, DTMF in {@link DtmfSender}, how a call is created in {@link NewCalls}.
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
    final DtmfSender dtmfSender = new DtmfSender(this);
    /** The conference this call is in, if any (a call is in at most one). */
    final java.util.concurrent.atomic.AtomicReference<ConferenceImpl> conference = new java.util.concurrent.atomic.AtomicReference<>();
    /** RFC 3261 §13.3.1.4: our 2xx to the peer's last re-INVITE, resent until its ACK (CSeq number below). */
    dev.parley.ua.internal.dialog.TwoXxRetransmitter reInviteAnswer;
    long reInviteAnswerCseq;
    private DialogId registeredDialog;
    OutgoingInvite outgoing;
    IncomingInvite incoming;
    /** Our REFER of this call, if we transfer it (RFC 3515). */
    OutgoingTransfer transferOut;
    /** The peer's REFER of this call, if it transfers us (RFC 3515 §2.4). */
    IncomingTransfer transferIn;
    /** Set while this call is the consultation whose dialog an attended transfer's Replaces names. */
    boolean consultationInTransfer;
    /**
     * Whether the dialog is secure (RFC 3261 §12.1.1: its INVITE's Request-URI was a SIPS URI): our
     * Contact in it is then {@code sips:} (§8.1.1.8). Set by {@link NewCalls}.
     */
    boolean secure;
    /**
     * The transport our INVITE went out on, or the peer's INVITE came in on (null until known): the
     * dialog's requests to a target without a {@code transport} parameter use it, and our Contact
     * names our listener for it, so a peer reached over UDP by a TLS line can reach us back.
     */
    TransportKind signalling;
    /** A usage that follows this call's states on the SIP thread (a transfer watching the call it made). */
    private java.util.function.Consumer<CallState> watcher;

    /** Made by {@link NewCalls}, which also gives the call its INVITE usage. */
    CallImpl(PhoneCore core, LineImpl line, CallDirection direction, String callId, NameAddr local, NameAddr remote) {
        this.core = core;
        this.line = line;
        this.direction = direction;
        this.callId = callId;
        this.localParty = local;
        this.remoteParty = remote;
    }

    /** Our Contact in this call's requests and responses: {@code sips:} in a secure dialog. */
    dev.parley.sip.message.SipUri contactUri() {
        return core.contactUri(line.config().user(), secure, signalling);
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
        CallEnding.release(this, how);
        state = CallState.ENDED;
        core.events().fire(l -> l.onCallStateChanged(this, CallState.ENDED));
        core.events().complete(ended, how);
        if (watcher != null) {
            watcher.accept(CallState.ENDED);
        }
    }

    /** Whether a BYE from the peer ends this call as transferred rather than hung up. */
    boolean transferredAway() {
        return CallTransfers.transferredAway(this);
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

    /** The call's media, opened on first use. */
    CallMedia media() {
        return CallAudio.open(this);
    }

    DialogId dialogId() {
        return registeredDialog;
    }

    // ------------------------------------------------------------------ requests inside the dialog

    void onInDialogRequest(ServerTransaction<SipRequest, SipResponse> tx, SipRequest request) {
        InDialog.handle(this, tx, request);
    }

    /** An ACK: for our 2xx to a re-INVITE, or for the answer to the INVITE that made the call. */
    void onAck(SipRequest ack) {
        if (!InDialog.acknowledgesReInvite(this, ack) && incoming != null) {
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
        return CallAudio.codec(this);
    }

    @Override
    public void audioSource(AudioSource source) {
        core.runtime().execute(() -> CallAudio.attach(this, source));
    }

    @Override
    public void audioSink(AudioSink sink) {
        core.runtime().execute(() -> CallAudio.attach(this, sink));
    }

    @Override
    public CompletionStage<Call> start() {
        return onSipThread(stage -> {
            if (outgoing == null || state != CallState.IDLE) {
                core.events().fail(stage, new IllegalStateException("only an outgoing IDLE call can start; this one is " + state));
                return;
            }
            startOnSipThread(stage);
        });
    }

    /** Runs {@code command} on the SIP thread with a new stage; returns the stage's read-only face. */
    private CompletionStage<Call> onSipThread(java.util.function.Consumer<CompletableFuture<Call>> command) {
        CompletableFuture<Call> stage = new CompletableFuture<>();
        core.runtime().execute(() -> command.accept(stage));
        return stage.minimalCompletionStage();
    }

    /** Starts an outgoing IDLE call; the caller is on the SIP thread. */
    void startOnSipThread(CompletableFuture<Call> stage) {
        core.callStarted(this);
        line.callStarted(this);
        outgoing.start(stage);
    }

    /** Gives this call the audio (and conference place) of {@code from}, which it replaces. */
    void takeAudioFrom(CallImpl from) {
        CallAudio.handOver(from, this);
    }

    @Override
    public CompletionStage<dev.parley.ua.TransferProgress> blindTransfer(String target) {
        return CallTransfers.blind(this, target);
    }

    @Override
    public CompletionStage<dev.parley.ua.TransferProgress> attendedTransfer(Call consultation) {
        return CallTransfers.attended(this, consultation);
    }

    @Override
    public CompletionStage<Call> answer() {
        return onSipThread(stage -> {
            if (incoming == null || state != CallState.INCOMING) {
                core.events().fail(stage, new IllegalStateException("only an INCOMING call can be answered; this one is " + state));
                return;
            }
            incoming.answer(stage);
        });
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
        return onSipThread(stage -> hold.request(on, stage));
    }

    @Override
    public CompletionStage<Call> sendDtmf(String digits) {
        return sendDtmf(digits, DEFAULT_DTMF_MILLIS);
    }

    @Override
    public CompletionStage<Call> sendDtmf(String digits, int durationMillis) {
        DtmfSender.check(digits, durationMillis);
        return onSipThread(stage -> dtmfSender.send(digits, durationMillis, stage));
    }

    /** RTP counters of this call's media, or empty before media was opened (for tests and diagnostics). */
    public Optional<dev.parley.rtp.SessionStatistics> rtpStatistics() {
        return CallAudio.rtpStatistics(this);
    }

    @Override
    public Optional<MediaStatistics> mediaStatistics() {
        return CallAudio.mediaStatistics(this);
    }

    @Override
    public CompletionStage<CallEnd> hangUp() {
        core.runtime().execute(() -> CallEnding.hangUp(this));
        return ended.minimalCompletionStage();
    }

    /** Another call took this one's place (RFC 3891 §3): the peer is told with BYE or CANCEL. */
    void endAsReplaced() {
        CallEnding.endNow(this, CallEnd.of(EndCause.REPLACED, "replaced by another call"));
    }

    /** The phone is closing: end the call at once, telling the peer (BYE, CANCEL or 480). */
    public void closeForShutdown() {
        CallEnding.endNow(this, CallEnd.of(EndCause.PHONE_CLOSED, "phone closed"));
    }

    @Override
    public String toString() {
        return "Call " + callId + " " + direction + " " + state + (end == null ? "" : " " + end);
    }
}
