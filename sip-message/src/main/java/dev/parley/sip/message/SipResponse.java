package dev.parley.sip.message;

import dev.parley.sip.message.internal.ByteSink;
import dev.parley.sip.message.internal.HeaderTable;
import dev.parley.sip.message.internal.WireMessage;
import java.nio.charset.StandardCharsets;

/** A SIP response (RFC 3261 §7.2): status code, reason phrase, headers, body. */
public final class SipResponse extends SipMessage {

    SipResponse(WireMessage w) {
        super(w);
    }

    /** Starts a response from scratch; most code wants {@link SipRequest#createResponse} instead. */
    public static SipMessageBuilder<SipResponse> builder(int statusCode, String reasonPhrase) {
        return SipMessageBuilder.response(statusCode, reasonPhrase);
    }

    /**
     * RFC 3261 §8.2.6.2: a response copies Via (all, in order), From, To, Call-ID and CSeq from
     * the request, and a To tag is added when the request's To has none. §8.2.6.1: a 100 also
     * copies Timestamp. Header values are copied byte for byte, so this works on a
     * {@link SipParseException#salvaged() salvaged} request whose other headers are malformed.
     *
     * @param toTag the tag to add to To, or {@code null} to leave To as received
     */
    public static SipResponse createFrom(SipRequest request, int statusCode, String reasonPhrase, String toTag) {
        if (toTag != null && !dev.parley.sip.message.internal.Chars.isToken(toTag)) {
            throw new IllegalArgumentException("tag is not a token: " + toTag);
        }
        SipMessageBuilder<SipResponse> b = SipMessageBuilder.response(statusCode, reasonPhrase);
        WireMessage w = request.w;
        for (int i = 0; i < w.count; i++) {
            int id = w.id(i);
            boolean copy = id == HeaderTable.VIA || id == HeaderTable.FROM || id == HeaderTable.TO
                    || id == HeaderTable.CALL_ID || id == HeaderTable.CSEQ
                    || (id == HeaderTable.TIMESTAMP && statusCode == 100);
            if (!copy) {
                continue;
            }
            byte[] value = java.util.Arrays.copyOfRange(w.buf, w.valueStart(i), w.valueEnd(i));
            if (id == HeaderTable.TO && toTag != null && !hasTag(request.valueOf(i))) {
                byte[] tag = (";tag=" + toTag).getBytes(StandardCharsets.UTF_8);
                byte[] tagged = java.util.Arrays.copyOf(value, value.length + tag.length);
                System.arraycopy(tag, 0, tagged, value.length, tag.length);
                value = tagged;
            }
            b.addRaw(request.nameOf(i), value);
        }
        return b.build();
    }

    private static boolean hasTag(String toValue) {
        try {
            return NameAddr.parse(toValue).tag().isPresent();
        } catch (SipParseException e) {
            // A malformed To is copied unchanged: the 400 that answers it must not fail as well.
            return true;
        }
    }

    /** The status code, 100 to 699. */
    public int statusCode() {
        return w.status;
    }

    /** The reason phrase as received (UTF-8), possibly empty. */
    public String reasonPhrase() {
        return new String(w.buf, w.lastStart, w.lastEnd - w.lastStart, StandardCharsets.UTF_8);
    }

    /** RFC 3261 §7.2: 1xx responses are provisional. */
    public boolean isProvisional() {
        return w.status < 200;
    }

    public boolean isFinal() {
        return w.status >= 200;
    }

    public boolean isSuccess() {
        return w.status >= 200 && w.status < 300;
    }

    @Override
    public String version() {
        return new String(w.buf, w.firstStart, w.firstEnd - w.firstStart, StandardCharsets.ISO_8859_1);
    }

    @Override
    void validateStartLine() {
        // The status line was fully checked when framing (RFC 3261 §7.2).
    }

    @Override
    public SipResponse validate() {
        super.validate();
        return this;
    }

    public SipMessageBuilder<SipResponse> toBuilder() {
        return SipMessageBuilder.copyOf(this, SipMessageBuilder.response(statusCode(), reasonPhrase()));
    }

    @Override
    void writeStartLine(ByteSink out) {
        out.write(w.buf, w.firstStart, w.firstEnd);
        out.write((byte) ' ');
        out.decimal(w.status);
        out.write((byte) ' ');
        out.write(w.buf, w.lastStart, w.lastEnd);
    }

    /** The reason phrases of RFC 3261 §21 and the extensions Parley uses. */
    public static String defaultReason(int code) {
        return switch (code) {
            case 100 -> "Trying";
            case 180 -> "Ringing";
            case 181 -> "Call Is Being Forwarded";
            case 182 -> "Queued";
            case 183 -> "Session Progress";
            case 200 -> "OK";
            case 202 -> "Accepted";
            case 301 -> "Moved Permanently";
            case 302 -> "Moved Temporarily";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 407 -> "Proxy Authentication Required";
            case 408 -> "Request Timeout";
            case 415 -> "Unsupported Media Type";
            case 416 -> "Unsupported URI Scheme";
            case 420 -> "Bad Extension";
            case 423 -> "Interval Too Brief";
            case 480 -> "Temporarily Unavailable";
            case 481 -> "Call/Transaction Does Not Exist";
            case 482 -> "Loop Detected";
            case 483 -> "Too Many Hops";
            case 486 -> "Busy Here";
            case 487 -> "Request Terminated";
            case 488 -> "Not Acceptable Here";
            case 489 -> "Bad Event";
            case 491 -> "Request Pending";
            case 500 -> "Server Internal Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 504 -> "Server Time-out";
            case 505 -> "Version Not Supported";
            case 513 -> "Message Too Large";
            case 600 -> "Busy Everywhere";
            case 603 -> "Decline";
            default -> code < 200 ? "Provisional" : code < 300 ? "Success" : code < 400 ? "Redirection"
                    : code < 500 ? "Client Error" : code < 600 ? "Server Error" : "Global Failure";
        };
    }
}
