package dev.parley.ua;

/**
 * What a {@link SoftPhone} tells the application. Every method has an empty default, so implement
 * only what you need.
 *
 * <p><b>Threading.</b> All methods of one phone run on ONE thread, the phone's event thread
 * ({@code parley-events-N}), in the order things happened; never on the SIP thread. Returning
 * quickly keeps later events timely, but a slow listener cannot stall SIP retransmissions or
 * media. It is fine to call any {@link Call} or {@link PhoneLine} method from here. An exception
 * thrown by a listener is caught and reported to {@link #onError}. (A phone on an in-memory
 * network in virtual time has no threads: events run on the thread that advances time.)
 */
public interface PhoneListener {

    /** A line's registration changed state. */
    default void onRegistrationChanged(PhoneLine line, RegistrationStatus status) {
    }

    /**
     * A call arrived, in state {@link CallState#INCOMING} (180 Ringing already sent). Answer it
     * with {@link Call#answer()}, refuse it with {@link Call#reject(int)}, or let it ring.
     */
    default void onIncomingCall(Call call) {
    }

    /** A call changed state; {@link CallState#ENDED} comes last, with {@link Call#end()} set. */
    default void onCallStateChanged(Call call, CallState state) {
    }

    /** A DTMF digit arrived on a call (part 2). */
    default void onDtmf(Call call, DtmfEvent event) {
    }

    /**
     * A transfer of {@code call} progressed: as transferor, each NOTIFY the peer sent (100 Trying,
     * 180 Ringing, then the final status); as transferee, each report we send about the call to
     * the target (RFC 3515 §2.4.5).
     */
    default void onTransferProgress(Call call, TransferProgress progress) {
    }

    /**
     * {@code replacement} takes the place of {@code previous}: as transferee, the new outgoing call
     * to the transfer target (reported before it starts; set its audio here, else it takes over
     * {@code previous}'s when answered, or when {@code previous} ends first because the transferor
     * hung up); as the target of an attended transfer, the incoming call
     * that replaces our consultation call (RFC 3891: answered at once, not reported by
     * {@link #onIncomingCall}). Follow it with {@link #onCallStateChanged}; {@code previous} ends
     * with {@link EndCause#TRANSFERRED} or {@link EndCause#REPLACED} once the replacement is answered.
     */
    default void onCallTransferred(Call previous, Call replacement) {
    }

    /**
     * A SIP message was sent or received, in wire order; only when the phone was built with
     * {@link SoftPhone.Builder#traceSip(boolean) traceSip(true)}. For traces and ladders.
     */
    default void onSipPacket(SipPacket packet) {
    }

    /** Something failed that no state change reports. */
    default void onError(PhoneError error) {
    }
}
