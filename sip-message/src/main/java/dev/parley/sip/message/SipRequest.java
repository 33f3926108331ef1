package dev.parley.sip.message;

import dev.parley.sip.message.SipParseException.Reason;
import dev.parley.sip.message.internal.ByteSink;
import dev.parley.sip.message.internal.Cursor;
import dev.parley.sip.message.internal.WireMessage;

/** A SIP request (RFC 3261 §7.1): method, Request-URI, headers, body. */
public final class SipRequest extends SipMessage {

    private String method;
    private Uri requestUri;

    SipRequest(WireMessage w) {
        super(w);
    }

    /** Starts a request; add Via, From, To, Call-ID, CSeq and Max-Forwards (§8.1.1) before building. */
    public static SipMessageBuilder<SipRequest> builder(String method, Uri requestUri) {
        return SipMessageBuilder.request(method, requestUri);
    }

    /** The method, case-sensitive (RFC 3261 §7.1); one of the {@link SipMethod} constants when known. */
    public String method() {
        String m = method;
        if (m == null) {
            m = SipMethod.of(w.buf, w.firstStart, w.firstEnd);
            method = m;
        }
        return m;
    }

    public boolean isMethod(String name) {
        return method().equals(name);
    }

    /** The Request-URI, parsed on first use. */
    public Uri requestUri() {
        Uri u = requestUri;
        if (u == null) {
            u = UriParser.parse(new Cursor(w.buf, w.uriStart, w.uriEnd, w.start, w.end()), w.uriStart, w.uriEnd);
            requestUri = u;
        }
        return u;
    }

    /** The Request-URI exactly as received. */
    public String requestUriText() {
        return new String(w.buf, w.uriStart, w.uriEnd - w.uriStart, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override
    public String version() {
        return new String(w.buf, w.lastStart, w.lastEnd - w.lastStart, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override
    void validateStartLine() {
        // RFC 3261 §19.1.1 (table): a Request-URI carries no header components (RFC 4475 §3.1.2.11).
        if (requestUri() instanceof SipUri u && !u.headers().isEmpty()) {
            throw SipParseException.at(Reason.BAD_REQUEST_URI, w.buf, w.start, w.end(), w.uriStart);
        }
        // RFC 3261 §8.1.1.5: the CSeq method MUST match the request method (RFC 4475 §3.1.2.17).
        if (!cseq().method().equals(method())) {
            int i = w.find(dev.parley.sip.message.internal.HeaderTable.CSEQ, 0);
            throw SipParseException.at(Reason.METHOD_MISMATCH, w.buf, w.start, w.end(), w.valueStart(i));
        }
    }

    @Override
    public SipRequest validate() {
        super.validate();
        return this;
    }

    /** RFC 3261 §8.2.6: a response to this request, copying Via, From, To, Call-ID and CSeq. */
    public SipResponse createResponse(int statusCode) {
        return SipResponse.createFrom(this, statusCode, SipResponse.defaultReason(statusCode), null);
    }

    /** As {@link #createResponse(int)}, adding {@code ;tag=toTag} to To unless it has a tag. */
    public SipResponse createResponse(int statusCode, String reasonPhrase, String toTag) {
        return SipResponse.createFrom(this, statusCode, reasonPhrase, toTag);
    }

    /** A builder holding this request's start line, headers (original bytes) and body. */
    public SipMessageBuilder<SipRequest> toBuilder() {
        return SipMessageBuilder.copyOf(this, SipMessageBuilder.request(method(), requestUriText()));
    }

    @Override
    void writeStartLine(ByteSink out) {
        out.write(w.buf, w.firstStart, w.firstEnd);
        out.write((byte) ' ');
        out.write(w.buf, w.uriStart, w.uriEnd);
        out.write((byte) ' ');
        out.write(w.buf, w.lastStart, w.lastEnd);
    }
}
