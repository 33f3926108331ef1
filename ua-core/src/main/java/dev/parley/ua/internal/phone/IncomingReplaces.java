package dev.parley.ua.internal.phone;

import dev.parley.sip.message.Replaces;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.ua.CallDirection;
import dev.parley.ua.CallState;
import dev.parley.ua.internal.dialog.DialogId;
import dev.parley.ua.internal.dialog.DialogState;

/**
 * An INVITE with a Replaces header (RFC 3891 §3), as the target of an attended transfer receives
 * it: which dialog it names, whether that one may be replaced, and, once the new call is answered,
 * the end of the replaced call with its audio handed over. Runs on the SIP thread.
 */
final class IncomingReplaces {

    private final CallImpl replaced;
    private final CallImpl replacement;
    private boolean done;

    IncomingReplaces(CallImpl replaced, CallImpl replacement) {
        this.replaced = replaced;
        this.replacement = replacement;
    }

    /** An out-of-dialog INVITE that carries Replaces: answered here (4xx) or made a replacing call. */
    static void onInvite(PhoneCore core, ServerTransaction<SipRequest, SipResponse> tx, SipRequest invite) {
        Replaces r;
        try {
            // RFC 3891 §3: more than one Replaces header field is answered 400 Bad Request.
            if (invite.headerValues("Replaces").size() != 1) {
                throw new IllegalArgumentException("several Replaces");
            }
            r = invite.replaces().orElseThrow();
        } catch (RuntimeException e) {
            core.respond(tx, invite, 400, "Bad Request - Replaces");
            return;
        }
        // RFC 3891 §3: to-tag and from-tag are the local and remote tags of the dialog, as the recipient sees it.
        CallImpl call = core.dialogs().get(new DialogId(r.callId(), r.toTag(), r.fromTag()));
        if (call == null || call.state() == CallState.ENDED || call.dialog.state() == DialogState.TERMINATED) {
            // RFC 3891 §3: no match is answered 481. A terminated dialog is forgotten here, so it gets 481 too
            // (the RFC's SHOULD is 603 Declined; Parley keeps no record of ended dialogs).
            core.respond(tx, invite, 481, "Call/Transaction Does Not Exist");
            return;
        }
        if (call.dialog.state() == DialogState.EARLY && call.direction() == CallDirection.INCOMING) {
            // RFC 3891 §3: an early dialog this UA did not initiate is not replaced: 481, and it is left alone.
            core.respond(tx, invite, 481, "Call/Transaction Does Not Exist");
            return;
        }
        if (call.dialog.state() == DialogState.CONFIRMED && r.earlyOnly()) {
            // RFC 3891 §3: early-only names a dialog that is already confirmed: 486 Busy Here.
            core.respond(tx, invite, 486, "Busy Here");
            return;
        }
        NewCalls.replacing(core, call, tx, invite);
    }

    /** Follows the replacing call: once it is answered, the replaced call hands over its audio and ends. */
    void onState(CallState state) {
        if (state == CallState.CONNECTED && !done) {
            done = true;
            replacement.takeAudioFrom(replaced);
            // RFC 3891 §3: once the new INVITE is accepted, the replaced dialog MUST be ended (BYE, or CANCEL if early).
            replaced.endAsReplaced();
        }
    }
}
