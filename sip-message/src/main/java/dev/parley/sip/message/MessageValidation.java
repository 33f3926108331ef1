package dev.parley.sip.message;

import dev.parley.sip.message.SipParseException.Reason;
import dev.parley.sip.message.internal.HeaderTable;
import dev.parley.sip.message.internal.WireMessage;

/**
 * The checks of {@link SipMessage#validate()}: the SIP version (RFC 3261 §7.1), the mandatory
 * header fields and their count (§8.1.1, RFC 4475 §3.3.8), each decoded once so a malformed
 * value fails here rather than deep in the transaction layer, then the start line.
 */
final class MessageValidation {

    private MessageValidation() {
    }

    static void check(SipMessage m) {
        WireMessage w = m.w;
        // RFC 3261 §7.1 / §8.2.2: an element answers 505 to a version other than SIP/2.0.
        if (!m.version().equalsIgnoreCase("SIP/2.0")) {
            throw SipParseException.at(Reason.UNSUPPORTED_VERSION, w.buf, w.start, w.end(), w.request ? w.lastStart : w.start);
        }
        // RFC 3261 §8.1.1: To, From, CSeq, Call-ID, Max-Forwards (requests) and Via are mandatory;
        // single-valued ones must not repeat (RFC 4475 §3.3.8).
        for (int id : new int[] {HeaderTable.FROM, HeaderTable.TO, HeaderTable.CALL_ID, HeaderTable.CSEQ}) {
            int first = m.required(id);
            int again = w.find(id, first + 1);
            if (again >= 0) {
                throw SipParseException.at(Reason.DUPLICATE_HEADER, w.buf, w.start, w.end(), w.nameStart(again));
            }
        }
        int mf = w.find(HeaderTable.MAX_FORWARDS, 0);
        if (mf >= 0 && w.find(HeaderTable.MAX_FORWARDS, mf + 1) >= 0) {
            throw SipParseException.at(Reason.DUPLICATE_HEADER, w.buf, w.start, w.end(), w.nameStart(w.find(HeaderTable.MAX_FORWARDS, mf + 1)));
        }
        m.vias();
        m.cseq();
        m.callId();
        m.from();
        m.to();
        m.maxForwards();
        m.contacts();
        m.expires();
        m.validateStartLine();
    }
}
