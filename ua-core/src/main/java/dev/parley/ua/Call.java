package dev.parley.ua;

import dev.parley.codecs.AudioCodec;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One call: an INVITE dialog with its media. Thread-safe; methods that wait for the network return
 * a {@link CompletionStage} and never block.
 *
 * <pre>{@code
 * Call call = line.newCall("sip:bob@example.com");
 * call.audioSource(AudioSources.wavFile(Path.of("hello.wav"), false));
 * call.audioSink(AudioSinks.wavFile(Path.of("reply.wav"), 8000));
 * call.start().thenRun(() -> System.out.println("answered, codec " + call.codec().orElseThrow()));
 * call.ended().thenAccept(end -> System.out.println("ended: " + end));
 * }</pre>
 *
 * <p>An established call can be put on hold and taken off it ({@link #hold()}, {@link #unhold()}:
 * re-INVITE, RFC 3264 §8.4); a hold by the peer shows as {@link CallState#REMOTE_HOLD}.
 * An outgoing call follows 3xx redirections by itself (RFC 3261 §8.1.3.4: Contacts tried in
 * decreasing q order, each once, at most {@code SoftPhone.Builder.maxRedirects} times); the state
 * goes back to {@link CallState#CALLING} for each new target. An incoming call can be redirected
 * with {@link #redirect(String)}. DTMF digits are sent by RFC 4733 in the RTP stream
 * ({@link #sendDtmf(String)}), or by SIP INFO {@code application/dtmf-relay} when the peer did not
 * negotiate telephone-event; received ones, either way, reach {@link PhoneListener#onDtmf}.
 *
 * <p>Transfers (REFER, RFC 3515): {@link #blindTransfer(String)} sends the peer to another party,
 * {@link #attendedTransfer(Call)} connects the peer with the party of a second call of ours (Replaces,
 * RFC 3891). When the peer transfers US, a new outgoing call to the target is made by itself and
 * reported by {@link PhoneListener#onCallTransferred}; it takes over the audio source and sink of
 * the old call when answered, and the old call ends with {@link EndCause#TRANSFERRED}. Lines accept
 * transfers unless {@link PhoneLine#acceptTransfers(boolean)} says otherwise.
 */
public interface Call {

    /** The SIP Call-ID. */
    String id();

    PhoneLine line();

    CallDirection direction();

    /** The other party: the callee of an outgoing call, the caller of an incoming one. */
    Party remote();

    /** This end, as it appears in the From (outgoing) or To (incoming) header. */
    Party local();

    CallState state();

    /**
     * A header of the INVITE that created an incoming call (the first value, as received; names are
     * matched without regard to case and compact forms are understood), e.g. {@code "Subject"} or
     * {@code "User-Agent"}. Always empty for an outgoing call.
     */
    Optional<String> requestHeader(String name);

    /** Why the call ended, once it has. */
    Optional<CallEnd> end();

    /** Completes (never exceptionally) when the call ends. */
    CompletionStage<CallEnd> ended();

    /** The codec media flows with, once negotiated. */
    Optional<AudioCodec> codec();

    /**
     * The RTP/RTCP figures of this call's media (packets, loss, jitter, round-trip time): a
     * snapshot while the call runs, the final figures after it ended; empty when the call never
     * had media.
     */
    Optional<MediaStatistics> mediaStatistics();

    /** What we send; silence until set. May be changed at any time; the previous source is closed. */
    void audioSource(AudioSource source);

    /** Where received audio goes; discarded until set. The previous sink is closed. */
    void audioSink(AudioSink sink);

    /**
     * Sends the INVITE of an outgoing {@link CallState#IDLE} call. Completes when the call is
     * answered, or exceptionally with {@link CallEndedException} when it ends first (rejected,
     * cancelled, timed out).
     */
    CompletionStage<Call> start();

    /**
     * Answers an {@link CallState#INCOMING} call (200 with our SDP answer). Completes when the ACK
     * arrives; exceptionally with {@link CallEndedException} if the call ends first (the caller
     * cancelled, or 488 because no codec matches).
     */
    CompletionStage<Call> answer();

    /** Refuses an incoming call with {@code statusCode} (4xx–6xx, e.g. 486 Busy Here, 603 Decline). */
    CompletionStage<CallEnd> reject(int statusCode);

    /**
     * Redirects an {@link CallState#INCOMING} call (call forwarding by the callee): answers it
     * 302 Moved Temporarily with {@code target} as Contact (RFC 3261 §21.3.3), a full URI or a user
     * in this line's domain; the caller's phone then calls the target itself. The call ends with
     * {@link EndCause#REDIRECTED}; the returned stage completes when it has. Does nothing for a
     * call in any other state.
     *
     * @throws IllegalArgumentException if the target does not parse
     */
    default CompletionStage<CallEnd> redirect(String target) {
        return redirect(java.util.List.of(target));
    }

    /**
     * {@link #redirect(String)} to several targets, the first preferred (each Contact carries a
     * decreasing q value, so the caller tries them in this order).
     *
     * @throws IllegalArgumentException if the list is empty or longer than 32, or a target does not parse
     */
    CompletionStage<CallEnd> redirect(java.util.List<String> targets);

    /**
     * Puts an established call on hold (RFC 3264 §8.4): a re-INVITE offering {@code sendonly}, or
     * {@code inactive} when the peer already holds us; the peer then sends us no RTP. Completes,
     * in state {@link CallState#LOCAL_HOLD}, when the peer answered. A 491 (both sides re-INVITing
     * at once) is retried after the RFC 3261 §14.1 wait. Fails with {@link RequestFailedException}
     * if the peer refuses (the call stays as it was), {@link CallEndedException} if the call ends
     * first, {@link IllegalStateException} if the call is not established or an unhold is under way.
     * Completes at once if the call is already held by us.
     */
    CompletionStage<Call> hold();

    /**
     * Takes a call off our hold: a re-INVITE offering {@code sendrecv}; completes in state
     * {@link CallState#CONNECTED} (or {@link CallState#REMOTE_HOLD} if the peer holds us). Fails
     * like {@link #hold()}.
     */
    CompletionStage<Call> unhold();

    /** How long each digit of {@link #sendDtmf(String)} lasts. */
    int DEFAULT_DTMF_MILLIS = 100;

    /**
     * Sends DTMF digits ({@code 0-9 * # A-D}) one after the other, each lasting
     * {@value #DEFAULT_DTMF_MILLIS} ms: as RFC 4733 telephone events in the RTP stream, or, when
     * the peer did not negotiate telephone-event, as one SIP INFO {@code application/dtmf-relay}
     * per digit. Completes when the last digit has been handed to the media (RFC 4733) or answered
     * 2xx (INFO); fails with {@link RequestFailedException} if an INFO is refused, with
     * {@link IllegalStateException} when the call is not established or more than 64 digits wait.
     * While the peer holds us, RFC 4733 digits wait in the media (16 at most; later ones are
     * dropped) and go out when it stops holding.
     *
     * @throws IllegalArgumentException for a character that is not a DTMF digit
     */
    CompletionStage<Call> sendDtmf(String digits);

    /** {@link #sendDtmf(String)} with each digit lasting {@code durationMillis} (40 to 5000). */
    CompletionStage<Call> sendDtmf(String digits, int durationMillis);

    /**
     * Blind transfer (RFC 5589 §6): puts the call on hold (if we do not hold it already), then sends
     * the peer a REFER to {@code target} ({@code sip:carol@example.com}, or a user of this line's
     * domain) with Referred-By, and follows the peer's NOTIFY reports, each passed to
     * {@link PhoneListener#onTransferProgress}. The stage completes with the final report:
     * {@link TransferProgress#succeeded()} when the target answered — this call then ends with BYE,
     * {@link EndCause#TRANSFERRED} — else the target's failure status (486, 408…), and the call stays,
     * taken off the hold this method put it on. Fails with {@link RequestFailedException} when the
     * peer refuses the REFER (e.g. 603, 405) or the hold, {@link CallEndedException} when the call
     * ends first, {@link IllegalStateException} when the call is not established or a transfer is
     * already under way. Without a final report within 180 s the stage completes with 408.
     *
     * @throws IllegalArgumentException if {@code target} is not a URI
     */
    CompletionStage<TransferProgress> blindTransfer(String target);

    /**
     * Attended (consultative) transfer (RFC 5589 §7): connects this call's peer with the peer of
     * {@code consultation}, another established call of this phone (typically one we made to the
     * transfer target while this one was held). This call is held first; once the hold is
     * acknowledged the REFER leaves with {@code Refer-To: <target?Replaces=...>} naming the
     * consultation dialog (RFC 3891), so the target's phone swaps our consultation call for the
     * transferee's new call and ends it ({@link EndCause#TRANSFERRED} here). Outcome and failures
     * as for {@link #blindTransfer(String)}.
     *
     * @throws IllegalArgumentException if {@code consultation} is this call or a call of another phone
     */
    CompletionStage<TransferProgress> attendedTransfer(Call consultation);

    /**
     * Ends the call however far it got: BYE when established, CANCEL while an outgoing call rings,
     * 603 Decline for an unanswered incoming call. Completes when it has ended.
     */
    CompletionStage<CallEnd> hangUp();
}
