package dev.parley.ua.internal.phone;

import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipMessageBuilder;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.transaction.ClientTransaction;
import dev.parley.sip.transport.Endpoint;

/**
 * Cancelling our INVITE (RFC 3261 §9.1): it may be wanted at any time, but the CANCEL goes out
 * only once a provisional response has come, at most once per attempt, and copies the INVITE's
 * Request-URI, Call-ID, To, From, top Via, CSeq number and Route set.
 */
final class InviteCancel {

    private final PhoneCore core;
    private boolean provisionalSeen;
    private boolean wanted;
    private boolean sent;

    InviteCancel(PhoneCore core) {
        this.core = core;
    }

    /** Whether the call is to be cancelled (then a 2xx is ended with BYE, a 487 means CANCELLED). */
    boolean wanted() {
        return wanted;
    }

    /** The call is to be cancelled: CANCEL {@code invite} now if a provisional response allows it. */
    void request(SipRequest invite, Endpoint hop) {
        wanted = true;
        if (provisionalSeen && !sent) {
            send(invite, hop);
        }
    }

    /** A provisional response other than 100 came: a CANCEL that was waiting goes now. */
    void onProvisional(SipRequest invite, Endpoint hop) {
        provisionalSeen = true;
        if (wanted && !sent) {
            send(invite, hop);
        }
    }

    /** A new attempt at another target (RFC 3261 §8.1.3.4): its INVITE has had no response yet. */
    void newAttempt() {
        provisionalSeen = false;
        sent = false;
    }

    private void send(SipRequest invite, Endpoint hop) {
        sent = true;
        // RFC 3261 §9.1: same Request-URI, Call-ID, To, From, top Via and CSeq number as the INVITE; method CANCEL.
        SipMessageBuilder<SipRequest> b = SipRequest.builder("CANCEL", invite.requestUri())
                .via(invite.topVia())
                .maxForwards(70)
                .to(invite.to())
                .from(invite.from())
                .callId(invite.callId())
                .cseq(invite.cseq().number(), "CANCEL");
        for (NameAddr route : invite.routes()) {
            b.route(route);
        }
        core.send(b.build(), hop, new ClientTransaction.Listener<>() { });
    }
}
