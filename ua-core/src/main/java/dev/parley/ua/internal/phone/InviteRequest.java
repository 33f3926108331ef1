package dev.parley.ua.internal.phone;

import dev.parley.sdp.SessionDescription;
import dev.parley.sip.message.Contact;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipHeader;
import dev.parley.sip.message.SipMessageBuilder;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.message.Uri;
import dev.parley.ua.internal.auth.Credentials;
import java.util.List;

/**
 * The initial INVITE of an outgoing call (RFC 3261 §8.1.1, §13.2.1), built afresh for every
 * attempt (first try, digest retry, redirect target): same Call-ID, From and To, a new CSeq,
 * our Contact, the offer, an Expires from the ring timeout and the line's credentials.
 */
final class InviteRequest {

    private InviteRequest() {
    }

    /** Whether {@code uri} is a SIPS URI (RFC 3261 §19.1). */
    static boolean isSips(Uri uri) {
        return uri instanceof SipUri u && u.secure();
    }

    /**
     * @param extraHeaders headers a transfer adds (Referred-By, Replaces: RFC 3892, RFC 3891)
     * @param ringMillis   the ring timeout, 0 for none
     */
    static SipRequest build(CallImpl call, Uri target, long cseq, List<SipHeader> extraHeaders, long ringMillis,
                            SessionDescription offer) {
        PhoneCore core = call.core;
        SipMessageBuilder<SipRequest> b = SipRequest.builder("INVITE", target)
                .via(core.newVia())
                .maxForwards(70)
                .to(call.remoteParty)
                .from(call.localParty)
                .callId(call.id())
                .cseq(cseq, "INVITE")
                // RFC 3261 §8.1.1.8: an INVITE for a SIPS URI carries a SIPS Contact.
                .contact(new Contact(NameAddr.of(core.contactUri(call.line.config().user(), call.secure || isSips(target), call.signalling))))
                .add("Allow", PhoneCore.ALLOW)
                .add("User-Agent", core.settings().userAgent());
        for (SipHeader h : extraHeaders) {
            b.add(h.name(), h.value());
        }
        if (ringMillis > 0) {
            // RFC 3261 §13.2.1: the UAC may limit the invitation with Expires (OutgoingInvite enforces it too).
            b.add("Expires", Long.toString(Math.max(1, ringMillis / 1000)));
        }
        for (Credentials.Header h : call.line.credentials().headersFor("INVITE", target.toString())) {
            b.add(h.name(), h.value());
        }
        return b.body(SdpSupport.CONTENT_TYPE, offer.toBytes()).build();
    }
}
