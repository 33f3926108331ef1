package dev.parley.ua.internal.phone;

import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipHeader;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.Uri;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.ua.CallDirection;
import java.util.List;

/**
 * How a call comes to be: dialled by the application or a transfer (our INVITE, RFC 3261
 * §13.2), offered by a peer's INVITE (§13.3), or offered by an INVITE with Replaces that takes an
 * existing call's place (RFC 3891 §3). Each gets its tags, Call-ID and INVITE usage here.
 */
final class NewCalls {

    private NewCalls() {
    }

    /** A new outgoing call in state IDLE. */
    static CallImpl outgoing(PhoneCore core, LineImpl line, Uri target) {
        return outgoing(core, line, target, List.of());
    }

    /** A new outgoing call whose INVITE also carries {@code extraHeaders} (a transfer's Referred-By, Replaces). */
    static CallImpl outgoing(PhoneCore core, LineImpl line, Uri target, List<SipHeader> extraHeaders) {
        NameAddr local = line.identity().withTag(core.newTag());
        CallImpl call = new CallImpl(core, line, CallDirection.OUTGOING, core.newCallId(), local, NameAddr.of(target));
        call.secure = InviteRequest.isSips(target);
        call.outgoing = new OutgoingInvite(call, target, extraHeaders);
        return call;
    }

    /** An INVITE arrived for {@code line}: the call is created and rung, or refused at once. */
    static void incoming(PhoneCore core, LineImpl line, ServerTransaction<SipRequest, SipResponse> tx, SipRequest invite) {
        String tag = core.newTag();
        CallImpl call = new CallImpl(core, line, CallDirection.INCOMING, invite.callId(), invite.to().withTag(tag),
                invite.from());
        call.secure = InviteRequest.isSips(invite.requestUri());
        call.signalling = tx.peer().transport();
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
        call.secure = InviteRequest.isSips(invite.requestUri());
        call.signalling = tx.peer().transport();
        call.incoming = new IncomingInvite(call, tx, invite, tag, replaced);
        call.watch(new IncomingReplaces(replaced, call)::onState);
        core.callStarted(call);
        call.incoming.arrive();
    }
}
