package dev.parley.ua.internal.phone;

import dev.parley.ua.CallEnd;
import dev.parley.ua.CallEndedException;
import dev.parley.ua.EndCause;

/**
 * How a call ends: which message tells the peer, chosen by the call's state, and the order in which
 * the call's usages (media, dialog, INVITE, hold, DTMF, transfers, conference) let go of it.
 * Runs on the SIP thread.
 */
final class CallEnding {

    private CallEnding() {
    }

    /** The user hangs up: the request that ends the call depends on how far it got. */
    static void hangUp(CallImpl call) {
        switch (call.state()) {
            case ENDED -> { }
            case IDLE -> call.finish(CallEnd.of(EndCause.LOCAL_HANGUP, "never started"));
            // RFC 3261 §13.3.1.3: a call still ringing here is declined with a final response.
            case INCOMING -> call.incoming.reject(603);
            // RFC 3261 §9.1: an INVITE of ours without a final response is cancelled.
            case CALLING, RINGING, EARLY_MEDIA -> call.outgoing.cancel();
            // RFC 3261 §15.1.1: a confirmed dialog ends with BYE.
            default -> InDialog.bye(call, new CallEnd(EndCause.LOCAL_HANGUP, 0, "hung up"));
        }
    }

    /**
     * Ends the call at once for a reason of ours ({@code how}: replaced by another call, RFC 3891 §3,
     * or the phone closing), telling the peer: BYE on a confirmed dialog, CANCEL on an early one we
     * initiated; a call ringing here is refused by its INVITE usage as it stops.
     */
    static void endNow(CallImpl call, CallEnd how) {
        switch (call.state()) {
            case ENDED -> { }
            case CALLING, RINGING, EARLY_MEDIA -> {
                call.outgoing.cancel();
                call.finish(how);
            }
            case IDLE, INCOMING -> call.finish(how);
            default -> InDialog.bye(call, how);
        }
    }

    /**
     * Lets go of everything the ending call holds, before it reports ENDED: a transfer target first
     * takes the audio it keeps, the conference drops the call, then media, dialog, the INVITE
     * usage, a pending 2xx retransmission, hold, DTMF and the transfer usages stop, and the phone
     * and line forget the call.
     */
    static void release(CallImpl call, CallEnd how) {
        if (call.transferIn != null) {
            call.transferIn.oldCallEnding(); // the call to the transfer target keeps our audio
        }
        ConferenceImpl conf = call.conference.get();
        if (conf != null) {
            conf.remove(call); // an ended call leaves its conference at once
        }
        if (call.media != null) {
            call.media.close();
        }
        if (call.dialog != null) {
            call.dialog.terminate();
        }
        if (call.outgoing != null) {
            call.outgoing.stop(how);
        }
        if (call.incoming != null) {
            call.incoming.stop(how);
        }
        if (call.reInviteAnswer != null) {
            call.reInviteAnswer.stop();
        }
        call.hold.stop(how);
        call.dtmfSender.stop(new CallEndedException(how));
        if (call.transferOut != null) {
            call.transferOut.stop(how);
        }
        if (call.transferIn != null) {
            call.transferIn.stop();
        }
        call.core.callEnded(call);
        call.line.callEnded(call);
    }
}
